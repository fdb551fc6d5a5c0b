(() => {
  const { persianDigits, toAsciiDigits, say, failure, unreachable } = City;
  const measures = [
    { key: 'requests', title: 'تعداد درخواست‌ها', format: v => persianDigits(v) },
    { key: 'issued', title: 'صادرشده', format: v => persianDigits(v) },
    { key: 'medianTurnaroundWorkingDays', title: 'میانه زمان رسیدگی (روز کاری)', format: v => persianDigits(v.toFixed(1)) },
    { key: 'p90TurnaroundWorkingDays', title: 'صدک نود زمان رسیدگی (روز کاری)', format: v => persianDigits(v.toFixed(1)) },
    { key: 'slaCompliance', title: 'رعایت مهلت قانونی', format: v => persianDigits(Math.round(v * 100)) + '٪' },
    { key: 'firstTimeRightRate', title: 'بدون بازگشت برای نقص مدارک', format: v => persianDigits(Math.round(v * 100)) + '٪' },
    { key: 'feesCollectedRial', title: 'عوارض وصول‌شده (ریال)', format: v => persianDigits(Number(v).toLocaleString('en-US')).replace(/,/g, '٬') },
  ];
  const groupTitles = { office: 'دفتر', district: 'منطقه', serviceType: 'نوع خدمت' };
  const form = document.getElementById('range-form');
  const message = document.getElementById('message');
  const report = document.getElementById('report');
  const svgNs = 'http://www.w3.org/2000/svg';

  // The current Solar Hijri month in Tehran, from the browser's own calendar data.
  const thisMonth = () => {
    const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', timeZone: 'Asia/Tehran' }).formatToParts(new Date());
    const year = Number(parts.find(p => p.type === 'year').value);
    const month = Number(parts.find(p => p.type === 'month').value);
    return { year, month };
  };
  const monthText = (year, month) => year + '/' + String(month).padStart(2, '0');
  const label = row => row.key === 'all' ? 'کل شهر' : (row.name || (row.key === 'unknown' ? 'نامشخص' : persianDigits(row.key)));

  const element = (name, attributes, text) => {
    const node = document.createElementNS(svgNs, name);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // One horizontal bar per published group, growing from the right as the text reads.
  const chart = (measure, rows) => {
    const shown = rows.filter(r => r[measure.key] !== null && r[measure.key] !== undefined);
    if (shown.length === 0) return null;
    const rowHeight = 24, labelWidth = 190, valueWidth = 90, width = 720;
    const barSpace = width - labelWidth - valueWidth;
    const max = Math.max(...shown.map(r => Number(r[measure.key])), 0) || 1;
    const svg = element('svg', { viewBox: `0 0 ${width} ${shown.length * rowHeight + 4}`, width: '100%', role: 'img', 'aria-label': measure.title, 'data-measure': measure.key });
    shown.forEach((row, i) => {
      const y = i * rowHeight + 2, value = Number(row[measure.key]);
      const length = Math.max(1, Math.round(value / max * barSpace));
      svg.appendChild(element('text', { x: width - 4, y: y + 16, 'text-anchor': 'start', direction: 'rtl' }, label(row)));
      const bar = element('rect', { class: 'bar', x: width - labelWidth - length, y, width: length, height: rowHeight - 6 });
      bar.appendChild(element('title', {}, label(row) + ': ' + measure.format(row[measure.key])));
      svg.appendChild(bar);
      svg.appendChild(element('text', { x: width - labelWidth - length - 6, y: y + 16, 'text-anchor': 'end', direction: 'rtl' }, measure.format(row[measure.key])));
    });
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = measure.title;
    figure.append(caption, svg);
    return figure;
  };

  const show = body => {
    const available = measures.filter(m => m.key in body.total);
    document.getElementById('report-title').textContent =
      'از ' + persianDigits(body.from) + ' تا ' + persianDigits(body.to) + ' به تفکیک ' + groupTitles[body.groupBy];
    document.getElementById('minimum').textContent = persianDigits(body.minimumCellSize);

    const totals = document.getElementById('totals');
    totals.replaceChildren(...available.map(m => {
      const box = document.createElement('div');
      box.className = 'total';
      box.dataset.measure = m.key;
      const value = body.total[m.key];
      box.append(m.title, Object.assign(document.createElement('b'), { textContent: value === null ? '—' : m.format(value) }));
      return box;
    }));

    const published = body.groups.filter(g => !g.suppressed);
    const hidden = body.groups.filter(g => g.suppressed);
    document.getElementById('charts').replaceChildren(...available.map(m => chart(m, published)).filter(Boolean));
    document.getElementById('suppressed').textContent = hidden.length === 0 ? ''
      : persianDigits(hidden.length) + ' گروه به دلیل تعداد کم درخواست منتشر نشد: ' + hidden.map(label).join('، ');

    const table = document.getElementById('table');
    const head = document.createElement('tr');
    head.append(...[groupTitles[body.groupBy], ...available.map(m => m.title)].map(t => Object.assign(document.createElement('th'), { textContent: t })));
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...[...body.groups, body.total].map(row => {
      const tr = document.createElement('tr');
      tr.className = row.suppressed ? 'suppressed' : '';
      tr.append(Object.assign(document.createElement('td'), { textContent: label(row) }),
        ...available.map(m => Object.assign(document.createElement('td'), {
          textContent: row.suppressed ? 'منتشر نمی‌شود' : (row[m.key] === null ? '—' : m.format(row[m.key])),
        })));
      return tr;
    }));
    report.hidden = false;
  };

  const load = async () => {
    say(message, '');
    const from = toAsciiDigits(document.getElementById('from').value.trim());
    const to = toAsciiDigits(document.getElementById('to').value.trim());
    const groupBy = document.getElementById('group-by').value;
    if (!/^\d{4}\/\d{1,2}$/.test(from) || !/^\d{4}\/\d{1,2}$/.test(to)) {
      say(message, 'ماه‌ها را به شکل ۱۴۰۴/۰۱ وارد کنید.', true);
      return;
    }
    try {
      const query = new URLSearchParams({ from, to, groupBy });
      const response = await fetch('/api/open-data/performance?' + query, { headers: { Accept: 'application/json' } });
      if (response.ok) { show(await response.json()); return; }
      if (response.status === 400) {
        say(message, 'بازه درست نیست: «از ماه» نباید پس از «تا ماه» باشد و بازه حداکثر ۲۴ ماه است.', true);
        return;
      }
      say(message, failure(response.status, 'داده‌ای پیدا نشد.'), true);
    } catch {
      say(message, unreachable, true);
    }
  };

  // From the start of this Solar year to this month, unless the address asks for another range.
  const now = thisMonth();
  const params = new URLSearchParams(location.search);
  document.getElementById('from').value = persianDigits(params.get('from') || monthText(now.year, 1));
  document.getElementById('to').value = persianDigits(params.get('to') || monthText(now.year, now.month));
  if (groupTitles[params.get('groupBy')]) document.getElementById('group-by').value = params.get('groupBy');
  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  load();
})();
