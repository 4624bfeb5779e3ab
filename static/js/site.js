/* Click-to-load videos: nothing is fetched from the video host until the person
   presses Play. Without JavaScript the "Watch on ..." link still works. */
(function () {
  "use strict";
  var allowed = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;
  var buttons = document.querySelectorAll("button[data-embed-url]");
  Array.prototype.forEach.call(buttons, function (button) {
    var url = button.getAttribute("data-embed-url");
    if (!allowed.test(url)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var placeholder = button.closest(".video__placeholder") || button;
      var iframe = document.createElement("iframe");
      iframe.src = url;
      iframe.title = button.getAttribute("data-title") || "";
      iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
      iframe.setAttribute("allowfullscreen", "");
      iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      placeholder.replaceWith(iframe);
      iframe.focus();
    });
  });
})();

/* A timed quiz's countdown (templates/quizzes/attempt.html): the deadline is written in the
   page, so this only adds a clock. The clock changes every second but is not a live region;
   a polite status message is spoken only at 10, 5 and 1 minutes left and when time is up.
   Time is counted from the server's clock ("data-now"), not the device's. */
(function () {
  "use strict";
  var box = document.querySelector(".countdown[data-deadline]");
  if (!box) return;
  var left = Number(box.getAttribute("data-deadline")) - Number(box.getAttribute("data-now"));
  if (!isFinite(left)) return;
  var end = Date.now() + left * 1000;
  var clock = box.querySelector(".countdown__clock");
  var status = box.querySelector(".countdown__status");
  var messages = Array.prototype.map.call(
    document.querySelectorAll(".countdown__messages [data-at]"),
    function (item) { return { at: Number(item.getAttribute("data-at")), text: item.textContent }; }
  );
  // Milestones already passed when the page loaded are not announced.
  var announced = messages.filter(function (message) { return message.at >= left; });
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var seconds = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    clock.textContent = (h ? h + ":" + two(m) : m) + ":" + two(s);
    messages.forEach(function (message) {
      if (seconds <= message.at && announced.indexOf(message) < 0) {
        announced.push(message);
        status.textContent = message.text;
      }
    });
    if (seconds > 0) {
      var ms = (end - Date.now()) % 1000; // until the shown second changes
      window.setTimeout(tick, (ms > 0 ? ms : 1000) + 5);
    } else {
      box.classList.add("countdown--ended");
    }
  }
  box.hidden = false;
  tick();

  // The learner's own time zone is the device's: the deadline as their clock shows it, on
  // the 24-hour clock the page itself uses.
  var local = document.querySelector(".countdown__local[data-text]");
  if (!local || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === local.getAttribute("data-site-zone")) return;
  var deadline = new Date(Number(box.getAttribute("data-deadline")) * 1000);
  var time = deadline.toLocaleString(document.documentElement.lang || undefined, {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", day: "numeric", month: "long", timeZoneName: "short"
  });
  local.textContent = local.getAttribute("data-text").replace("{time}", time);
  local.hidden = false;
})();
