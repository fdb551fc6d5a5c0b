// What the citizens' pages share (see CitizenPages): Persian digits both ways, and telling the citizen.
window.City = (() => {
  const persian = '۰۱۲۳۴۵۶۷۸۹', arabic = '٠١٢٣٤٥٦٧٨٩';
  return {
    persianDigits: text => String(text ?? '').replace(/[0-9]/g, d => persian[d]),
    // A citizen may type a national id or number with a Persian or an Arabic keyboard.
    toAsciiDigits: text => text.replace(/[۰-۹]/g, d => String(persian.indexOf(d))).replace(/[٠-٩]/g, d => String(arabic.indexOf(d))),
    say: (element, text, isError) => { element.textContent = text; element.className = isError ? 'error' : ''; },
    // What a refused or failed call means to a citizen; notFound is the page's own wording.
    failure: (status, notFound) =>
      status === 404 ? notFound
        : status === 429 ? 'درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.'
        : 'سامانه در حال حاضر پاسخ نمی‌دهد؛ کمی بعد دوباره تلاش کنید.',
    unreachable: 'ارتباط با سامانه برقرار نشد؛ کمی بعد دوباره تلاش کنید.',
  };
})();
