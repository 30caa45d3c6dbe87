/* 无障碍/长者模式 (elderly mode) switch. Served as a file because the CSP forbids inline
   script. Runs in <head> so the remembered mode applies before first paint; the choice is kept
   in this browser's localStorage only (no cookie, nothing sent to the server). */
;(function () {
  var KEY = 'sitegroup-a11y-mode'
  var root = document.documentElement
  var stored = null
  try {
    stored = window.localStorage.getItem(KEY)
  } catch (e) {
    /* storage disabled: mode lasts for this page only */
  }
  root.classList.remove('no-js')
  if (stored === 'elderly') root.classList.add('elderly')

  function sync() {
    var on = root.classList.contains('elderly')
    var buttons = document.querySelectorAll('[data-a11y-toggle]')
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', on ? 'true' : 'false')
      buttons[i].textContent = on ? '退出长者模式' : '无障碍/长者模式'
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    sync()
    document.addEventListener('click', function (event) {
      var target = event.target
      if (!target || !target.closest || !target.closest('[data-a11y-toggle]')) return
      var on = root.classList.toggle('elderly')
      try {
        window.localStorage.setItem(KEY, on ? 'elderly' : 'standard')
      } catch (e) {
        /* see above */
      }
      sync()
    })
  })
})()
