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
