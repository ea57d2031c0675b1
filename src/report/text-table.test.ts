import { describe, expect, it } from 'vitest';
import { textTable } from './text-table.js';

describe('textTable', () => {
  it('prints a hostile cell as one line of visible text: no terminal escapes, no line of its own', () => {
    const lines = textTable(['function', 'q'], [['evil\u001b]52;c;cm0gLXJmIH4=\u0007\n::error::forged\u202e', '0.1']]);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(lines[2]).toBe('evil]52;c;cm0gLXJmIH4= ::error::forged  0.1');
  });
});
