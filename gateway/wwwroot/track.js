(() => {
  const { persianDigits, toAsciiDigits, say, failure, unreachable } = City;
  const statusTitles = {
    AwaitingDocuments: 'در انتظار مدارک', Submitted: 'ثبت شده', UnderReview: 'در حال بررسی',
    Returned: 'بازگشت برای تکمیل', Rejected: 'رد شده', FeeAssessed: 'تعیین عوارض',
    Paid: 'پرداخت شده', Issued: 'صادر شده'
  };
  const jalali = dual => dual && dual.jalali ? persianDigits(dual.jalali) : '—';
  const status = s => statusTitles[s] || s || '—';
  const el = (tag, text, className) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (className) e.className = className; return e; };

  const form = document.getElementById('track-form');
  const message = document.getElementById('message');
  const result = document.getElementById('result');

  function render(file) {
    document.getElementById('file-number').textContent = persianDigits(file.fileNumber);
    document.getElementById('district').textContent = persianDigits(file.district);
    document.getElementById('opened-at').textContent = jalali(file.openedAt);
    const list = document.getElementById('requests');
    list.replaceChildren();
    const requests = file.requests || [];
    if (requests.length === 0) {
      list.append(el('p', 'هنوز درخواستی در این پرونده ثبت نشده است.', 'no-requests'));
    }
    for (const request of requests) {
      const item = el('article', undefined, 'request');
      item.dataset.requestId = request.requestId;
      item.append(el('h3', request.serviceTitleFa || request.serviceType));
      const facts = el('dl');
      facts.append(el('dt', 'وضعیت'), el('dd', status(request.status), 'status'));
      facts.append(el('dt', 'مهلت رسیدگی'), el('dd', jalali(request.dueAt), 'due-at'));
      if (request.slaBreached) facts.append(el('dt', 'هشدار'), el('dd', 'مهلت رسیدگی گذشته است', 'breached'));
      item.append(facts);
      const timeline = el('ol', undefined, 'timeline');
      for (const step of request.timeline || []) {
        const from = step.fromStatus ? status(step.fromStatus) + ' ← ' : '';
        const li = el('li', `${jalali(step.at)}: ${from}${status(step.toStatus)}${step.note ? ' — ' + step.note : ''}`);
        timeline.append(li);
      }
      item.append(timeline);
      list.append(item);
    }
    result.hidden = false;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const code = document.getElementById('tracking-code').value.trim();
    const nationalId = toAsciiDigits(document.getElementById('national-id').value.trim());
    result.hidden = true;
    if (!code || !/^[0-9]{8,10}$/.test(nationalId)) {
      say(message, 'کد رهگیری و کد ملی ده‌رقمی را وارد کنید.', true);
      return;
    }
    const button = document.getElementById('track-submit');
    button.disabled = true;
    say(message, 'در حال جستجو…');
    try {
      const response = await fetch(`/api/track/${encodeURIComponent(code)}?nationalId=${encodeURIComponent(nationalId)}`, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        say(message, '');
        render(await response.json());
      } else {
        say(message, failure(response.status, 'پرونده‌ای با این کد رهگیری و کد ملی پیدا نشد.'), true);
      }
    } catch {
      say(message, unreachable, true);
    } finally {
      button.disabled = false;
    }
  });
})();
