// Small enhancements; every page works without them.
(function () {
  // a live countdown to the deadline the server set: data-deadline="ISO instant"
  document.querySelectorAll('[data-deadline]').forEach(function (el) {
    var deadline = Date.parse(el.getAttribute('data-deadline'));
    function tick() {
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      el.textContent = (h > 0 ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
      el.classList.toggle('late', left === 0);
      if (left === 0) { el.setAttribute('aria-label', 'the deadline has passed'); return; }
      setTimeout(tick, 1000);
    }
    tick();
  });
  // the rubric editor shows the weights' sum as they are typed; scoping needs exactly 1
  var sum = document.getElementById('weight-sum');
  function total() {
    var t = 0;
    document.querySelectorAll('input[name=criterionWeight]').forEach(function (w) {
      var v = parseFloat(w.value); if (!isNaN(v)) { t += v; }
    });
    if (sum) { sum.textContent = t.toFixed(2) + (Math.abs(t - 1) < 1e-9 ? ' ✓' : ' (must be 1.00)'); }
  }
  document.querySelectorAll('input[name=criterionWeight]').forEach(function (w) { w.addEventListener('input', total); });
  total();
  // more criteria than the blank rows the page came with: a copy of the last row, emptied, with its own ids
  var add = document.getElementById('add-criterion');
  if (add) {
    add.hidden = false;
    add.addEventListener('click', function () {
      var rows = document.querySelectorAll('.rubric-row');
      var copy = rows[rows.length - 1].cloneNode(true);
      var n = rows.length;
      copy.querySelectorAll('label').forEach(function (l) { l.htmlFor = l.htmlFor.replace(/\d+$/, n); });
      copy.querySelectorAll('input').forEach(function (i) {
        i.id = i.id.replace(/\d+$/, n);
        i.value = i.name === 'criterionMax' ? '4' : '';
        if (i.name === 'criterionWeight') { i.addEventListener('input', total); }
      });
      rows[rows.length - 1].after(copy);
      copy.querySelector('input').focus();
    });
  }
  // copy a share link
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      navigator.clipboard && navigator.clipboard.writeText(button.getAttribute('data-copy'));
      button.textContent = 'Copied';
    });
  });
})();
