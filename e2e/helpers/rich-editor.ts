import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, type Locator } from '@playwright/test';

// What a writer does with the mouse and keys in the draft body's rich editor (MDXEditor on Lexical).

const PICTURE = path.resolve('public/images/articles/lido.jpg');

/** Selects a word in the editor as a writer would with the mouse, for the toolbar to format it. */
export async function select(box: Locator, word: string) {
  await box.evaluate((root, text) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${text}" is not in the editor`);
  }, word);
}

/**
 * Ctrl+End, until the caret stays at the end of the text. Focusing the editor after a toolbar click
 * or a dialog makes Lexical put back its last selection a frame later, which on a busy machine can
 * land after the key and undo it; the writer would see the caret jump back and press again.
 */
export async function caretToEnd(box: Locator) {
  await expect(async () => {
    await box.press('Control+End');
    const atEnd = await box.evaluate(async (root) => {
      await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
      const selection = getSelection();
      if (!root.contains(document.activeElement) || !selection?.isCollapsed || !selection.anchorNode || !root.contains(selection.anchorNode)) return false;
      const rest = document.createRange();
      rest.selectNodeContents(root);
      rest.setStart(selection.anchorNode, selection.anchorOffset);
      return rest.toString() === '';
    });
    expect(atEnd, 'the caret is at the end of the body').toBe(true);
  }).toPass({ timeout: 10_000 });
}

/** Drops a file on the editor the way a browser does: dragover, then drop with the file in a DataTransfer. */
export async function dropPicture(box: Locator) {
  const bytes = readFileSync(PICTURE).toString('base64');
  await box.evaluate((target, data) => {
    const binary = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([binary], 'ferry.jpg', { type: 'image/jpeg' }));
    const box = target.getBoundingClientRect();
    const at = { clientX: box.left + 10, clientY: box.bottom - 10, bubbles: true, cancelable: true, dataTransfer: transfer };
    target.dispatchEvent(new DragEvent('dragover', at));
    target.dispatchEvent(new DragEvent('drop', at));
  }, bytes);
}
