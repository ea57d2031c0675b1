export { escapeMarkdown } from './format.js';
export { renderMarkdown } from './markdown.js';
export { REPORT_SCHEMA, REPORT_VERSION, type Report, type Side } from './report.js';
export { renderTerminal } from './terminal.js';
export { textTable } from './text-table.js';
