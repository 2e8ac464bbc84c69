/* The answer form's templates (templates/rounds/workbench/answer.html): only those of the chosen
   status can be chosen, and choosing one puts its text in the public message at once, after
   what is already written (a text this script put there and nobody changed is replaced).
   Without this script, "Använd mallen" does the same on the server. */
(function () {
  "use strict";

  function init() {
    var select = document.querySelector("select[data-answer-templates]");
    if (!select || !select.form) {
      return;
    }
    var form = select.form;
    var status = form.elements.status;
    var message = form.elements.public_message;
    var responsible = form.elements.responsible;
    var button = form.querySelector("[data-use-template]");
    var filled = null;

    function showForStatus() {
      Array.prototype.forEach.call(select.options, function (option) {
        var other = option.dataset.status && option.dataset.status !== status.value;
        option.hidden = other;
        option.disabled = other;
      });
      if (select.selectedOptions[0] && select.selectedOptions[0].disabled) {
        select.value = "";
      }
    }

    function fill() {
      var option = select.selectedOptions[0];
      if (!option || !option.dataset.text) {
        return;
      }
      var chosen = responsible && responsible.selectedOptions[0];
      var text = option.dataset.text;
      if (chosen && chosen.value) {
        text = text.split("{ansvarig}").join(chosen.textContent.trim());
      }
      var written = message.value.replace(/\s+$/, "");
      message.value = !written || written === filled ? text : written + "\n\n" + text;
      filled = message.value;
    }

    if (button) {
      button.hidden = true;
    }
    status.addEventListener("change", showForStatus);
    select.addEventListener("change", fill);
    showForStatus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
