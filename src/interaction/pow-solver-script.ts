/**
 * The browser half of the proof of work, served as /interaction/pow.js. On submit of any form
 * carrying data-pow, it finds the counter with crypto.subtle and then submits. Plain ES2017,
 * no dependencies; progress is announced in the form's [data-pow-status] live region.
 */
export const powSolverScript = `(function () {
  'use strict';
  function zeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }
  async function solve(challenge, bits, onProgress) {
    var encoder = new TextEncoder();
    for (var counter = 0; counter < 1e9; counter++) {
      var digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + counter));
      if (zeroBits(new Uint8Array(digest)) >= bits) return String(counter);
      if (counter % 5000 === 0 && onProgress) onProgress(counter);
    }
    throw new Error('no solution');
  }
  document.addEventListener('submit', async function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-pow')) return;
    var solution = form.querySelector('input[name="pow_solution"]');
    if (!solution || solution.value) return;
    event.preventDefault();
    var status = form.querySelector('[data-pow-status]');
    var button = form.querySelector('[type="submit"]');
    if (button) button.disabled = true;
    if (status) status.textContent = '正在进行安全验证，请稍候…';
    try {
      var challenge = form.querySelector('input[name="pow_challenge"]').value;
      var bits = Number(form.querySelector('input[name="pow_bits"]').value);
      solution.value = await solve(challenge, bits);
      if (status) status.textContent = '验证完成，正在提交…';
      form.submit();
    } catch (error) {
      if (status) status.textContent = '安全验证失败，请刷新页面后重试。';
      if (button) button.disabled = false;
    }
  });
})();
`
