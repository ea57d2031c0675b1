import { stripInvisible } from './format.js';

/** Escapes text for HTML and SVG element content and quoted attribute values; bidi and control characters are dropped. */
export function escapeHtml(text: string): string {
  return stripInvisible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` can close the
 * element (`</script>`) or open a comment, and the line separators JavaScript once
 * rejected are escaped too. JSON.parse reads the escapes back as the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
