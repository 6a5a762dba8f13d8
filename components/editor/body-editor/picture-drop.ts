import { createRootEditorSubscription$, realmPlugin } from '@mdxeditor/editor';
import { $createRangeSelection, $setSelection, COMMAND_PRIORITY_CRITICAL, DRAGOVER_COMMAND, DROP_COMMAND, PASTE_COMMAND } from 'lexical';

import { ACCEPTED_IMAGE_TYPES } from '@/lib/media/limits';

const ACCEPTED = new Set(ACCEPTED_IMAGE_TYPES.split(','));

/** The first picture among dropped or pasted files; other files are left to the editor. */
export function pictureIn(files: FileList | null | undefined): File | undefined {
  return Array.from(files ?? []).find((file) => ACCEPTED.has(file.type));
}

/**
 * Catches a picture dropped or pasted into the body before the editor sees it, puts the caret where
 * it was dropped, and hands the file over (the writer is asked for its alt text before anything is
 * uploaded or inserted).
 */
export const pictureDropPlugin = realmPlugin<{ onPicture: (file: File) => void }>({
  init(realm, params) {
    realm.pub(createRootEditorSubscription$, (editor) => {
      const unregister = [
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!Array.from(event.dataTransfer?.items ?? []).some((item) => item.kind === 'file')) return false;
            event.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const file = pictureIn(event.dataTransfer?.files);
            if (!file) return false;
            event.preventDefault();
            const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
            if (range) {
              editor.update(() => {
                const selection = $createRangeSelection();
                selection.applyDOMRange(range);
                $setSelection(selection);
              });
            }
            params?.onPicture(file);
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const file = event instanceof ClipboardEvent ? pictureIn(event.clipboardData?.files) : undefined;
            if (!file) return false;
            event.preventDefault();
            params?.onPicture(file);
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ];
      return () => unregister.forEach((stop) => stop());
    });
  },
});
