(() => {
  const { persianDigits, toAsciiDigits, say, failure, unreachable } = City;
  const statusTitles = {
    valid: 'معتبر است', revoked: 'ابطال شده است', expired: 'مهلت اعتبار آن گذشته است',
    superseded: 'سند جدیدتری جایگزین آن شده است', invalid: 'نامعتبر است: امضای سند تأیید نشد'
  };
  const form = document.getElementById('verify-form');
  const message = document.getElementById('message');
  const result = document.getElementById('result');
  const set = (id, text) => { document.getElementById(id).textContent = text || '—'; };

  const show = body => {
    const status = document.getElementById('status');
    status.textContent = 'وضعیت: ' + (statusTitles[body.status] || body.status);
    status.className = 'status ' + body.status;
    set('doc-number', body.number);
    set('doc-type', body.typeTitleFa);
    set('issued-at', persianDigits(body.issuedAtJalali));
    set('expires-at', persianDigits(body.expiresAtJalali));
    set('renovation-code', body.renovationCode);
    set('district', persianDigits(body.district));
    set('holder', body.holder ? body.holder.name + ' (' + persianDigits(body.holder.nationalId) + ')' : '');
    result.hidden = false;
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    say(message, ''); result.hidden = true;
    const number = toAsciiDigits(document.getElementById('number').value.trim());
    const payload = document.getElementById('payload').value.trim();
    if (!number && !payload) { say(message, 'شماره سند یا متن کد QR را وارد کنید.', true); return; }
    try {
      const response = payload
        ? await fetch('/api/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ payload }) })
        : await fetch('/api/verify/' + encodeURIComponent(number));
      if (response.ok) { show(await response.json()); return; }
      say(message, response.status === 400 ? 'شماره سند درست نیست؛ دوباره بررسی کنید.' : failure(response.status, 'سندی با این شماره صادر نشده است.'), true);
    } catch {
      say(message, unreachable, true);
    }
  });
})();
