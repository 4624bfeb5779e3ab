// Two-step sign-in: after django-otp-webauthn's script has added a passkey, go on to the
// next step (the recovery codes when they were just made, else the settings page).
(function () {
  "use strict";
  document.addEventListener("otp_webauthn.register_complete", function () {
    var holder = document.querySelector("[data-passkey-done-url]");
    if (holder) {
      window.location.assign(holder.getAttribute("data-passkey-done-url"));
    }
  });
})();
