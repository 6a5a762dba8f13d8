// The front page's positions, apart from everything else so the content facade's layout and the
// newsroom's form (a client component) share them without pulling each other in.

/** 0 is the lead, 1–3 the featured stories. */
export const FRONT_PAGE_POSITIONS = [0, 1, 2, 3] as const;
export type Position = (typeof FRONT_PAGE_POSITIONS)[number];

export const positionLabels: Record<Position, string> = { 0: 'Lead story', 1: 'Featured story 1', 2: 'Featured story 2', 3: 'Featured story 3' };

/** The form's field names of a position: its story ('' for automatic) and its pin's expiry. */
export const slotField = (position: Position) => `slot${position}` as const;
export const untilField = (position: Position) => `until${position}` as const;
export const BASED_ON_FIELD = 'basedOn';
