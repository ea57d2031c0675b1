/// <reference lib="dom" />
// The browser half of report.html's tables; embedded as source text like flame/client.ts,
// so it must stay self-contained. Tables work without it; it adds sorting and filtering.

/**
 * Sorts a `table.sortable` by a column when its header button is clicked (numbers by
 * `data-sort`, else text), and filters rows of the function table by outcome.
 */
export function tableClient(): void {
  for (const table of Array.from(document.querySelectorAll<HTMLTableElement>('table.sortable'))) {
    const body = table.tBodies[0];
    if (!body) continue;
    const headers = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th'));
    headers.forEach((header, column) => {
      const button = header.querySelector('button');
      if (!button) return;
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement): number | string => {
          const cell = row.cells[column];
          const raw = cell?.dataset['sort'] ?? cell?.textContent ?? '';
          const number = Number(raw);
          return raw !== '' && Number.isFinite(number) ? number : raw.toLowerCase();
        };
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
  const filter = document.getElementById('function-filter') as HTMLSelectElement | null;
  const functions = document.getElementById('function-table') as HTMLTableElement | null;
  if (filter && functions) {
    filter.hidden = false;
    filter.addEventListener('change', () => {
      for (const row of Array.from(functions.tBodies[0]?.rows ?? [])) {
        row.hidden = filter.value !== 'all' && row.dataset['outcome'] !== filter.value;
      }
    });
  }
}
