/**
 * @file HTML from outputs and Markdown cells, made safe to insert: no scripts, no event handlers, no forms, no
 * frames, no global styles. `<style>` is dropped because a notebook's CSS would restyle the whole app (pandas'
 * tables bring their own; ours styles `.dataframe`). Links open outside the app instead of replacing it.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return DOMPurify;
}

export function sanitizeHtml(html: string): string {
  return purifier().sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'link', 'meta', 'base'],
    FORBID_ATTR: ['srcset', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  });
}

/** Markdown (GitHub flavour) to sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false, gfm: true }));
}
