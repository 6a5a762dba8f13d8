import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { formFields, parseForm } from '@/lib/actions/parse-form';

const withPicture = z.object({ bio: z.string(), picture: z.instanceof(File).optional() });

function form(picture: File): FormData {
  const data = new FormData();
  data.append('bio', 'Reports on the town.');
  data.append('picture', picture);
  return data;
}

describe('reading a posted form', () => {
  it('reads a file input left empty as no file, whatever name the browser or React gave its part', () => {
    for (const name of ['', 'undefined', 'blob']) {
      const parsed = parseForm(withPicture, form(new File([], name, { type: 'application/octet-stream' })));
      expect(parsed).toEqual({ data: { bio: 'Reports on the town.' } });
    }
  });

  it('keeps a chosen file, and every text field, empty ones included', () => {
    const picture = new File([new Uint8Array([1, 2, 3])], 'portrait.jpg', { type: 'image/jpeg' });
    const data = form(picture);
    data.append('note', '');
    const fields = formFields(data);
    expect(fields.picture).toBe(picture);
    expect(fields.note).toBe('');
    expect(fields.bio).toBe('Reports on the town.');
  });

  it('still refuses a required file that was not chosen, with the schema’s message', () => {
    const required = z.object({ file: z.instanceof(File, { message: 'Choose a CSV file to import.' }) });
    const data = new FormData();
    data.append('file', new File([], ''));
    const parsed = parseForm(required, data);
    expect('failure' in parsed && parsed.failure.error).toBe('Choose a CSV file to import.');
  });
});
