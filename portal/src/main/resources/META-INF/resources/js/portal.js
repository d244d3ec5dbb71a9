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
  var weights = document.querySelectorAll('input[name=criterionWeight]');
  var sum = document.getElementById('weight-sum');
  function total() {
    var t = 0;
    weights.forEach(function (w) { var v = parseFloat(w.value); if (!isNaN(v)) { t += v; } });
    if (sum) { sum.textContent = t.toFixed(2) + (Math.abs(t - 1) < 1e-9 ? ' ✓' : ' (must be 1.00)'); }
  }
  weights.forEach(function (w) { w.addEventListener('input', total); });
  total();
  // copy a share link
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      navigator.clipboard && navigator.clipboard.writeText(button.getAttribute('data-copy'));
      button.textContent = 'Copied';
    });
  });
})();
