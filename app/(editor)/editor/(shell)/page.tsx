import { ScheduleList, scheduleProblem } from '@/components/editor/schedule-list';
import { SendAttention } from '@/components/editor/send-attention';
import { sendsNeedingAttention } from '@/db/queries/newsletter-reports';
import { listSchedules } from '@/db/queries/schedules';
import { can, roleLabels } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getSite } from '@/lib/content';
import { routes } from '@/lib/routes';

export const metadata = { title: 'Newsroom' };

export default async function EditorHome() {
  const user = await requireUser();
  const publisher = can(user.role, 'drafts:publish');
  const [site, schedules] = publisher ? await Promise.all([getSite(), listSchedules()]) : [null, []];
  const troubledSends = can(user.role, 'newsletter:send') ? await sendsNeedingAttention() : [];
  const now = new Date();
  const troubled = schedules.filter((row) => scheduleProblem(row, now)).length;
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p>You are signed in as {roleLabels[user.role].toLowerCase()}.</p>
      <ul>
        <li>{publisher ? 'You can edit any draft and publish it.' : 'You can write drafts and submit them for review.'}</li>
        {can(user.role, 'people:manage') ? <li>You manage the people of the newsroom and the newsletter subscribers.</li> : null}
      </ul>
      {site && troubledSends.length > 0 ? (
        <section aria-labelledby="newsletter-heading">
          <h2 id="newsletter-heading">Newsletter</h2>
          <SendAttention rows={troubledSends} site={site} />
        </section>
      ) : null}
      {site ? (
        <section aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">Scheduled</h2>
          {troubled > 0 ? (
            <p className="form-status form-status--error" role="alert">
              <strong>{troubled === 1 ? 'A scheduled publication has' : `${troubled} scheduled publications have`} not gone out as planned.</strong>
            </p>
          ) : null}
          {schedules.length > 0 ? <ScheduleList rows={schedules} site={site} now={now} link={(row) => routes.editor.draftPublish(row.draftId)} /> : <p>Nothing is scheduled.</p>}
        </section>
      ) : null}
    </>
  );
}
