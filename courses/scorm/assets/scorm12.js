/* The package's SCORM 1.2 runtime: finds the LMS's API (the SCORM 1.2 RTE's search of the
   parent frames, then the opener's), reports the module as incomplete on opening, completed
   when read to the end (or on "Mark as read"), passed or failed with the score after the
   quiz, and finishes the session when the page is left. Without an LMS the page still reads
   and the quiz still scores; nothing is recorded. */
(function () {
  "use strict";

  function searchFrames(win) {
    var tries = 0;
    try {
      while (!win.API && win.parent && win.parent !== win && tries < 500) {
        tries += 1;
        win = win.parent;
      }
      return win.API || null;
    } catch (error) {
      return null; // a frame of another origin: no API reachable that way
    }
  }

  function findAPI() {
    var api = searchFrames(window);
    if (!api && window.opener) {
      try {
        api = searchFrames(window.opener);
      } catch (error) {
        api = null;
      }
    }
    return api;
  }

  var api = null;
  var finished = false;
  var openedAt = Date.now();
  var status = "";

  function call(name) {
    if (!api) return "";
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      return String(api[name].apply(api, args));
    } catch (error) {
      return "";
    }
  }

  function set(element, value) {
    return call("LMSSetValue", element, String(value));
  }

  function report(newStatus) {
    status = newStatus;
    set("cmi.core.lesson_status", newStatus);
    call("LMSCommit", "");
  }

  function sessionTime() {
    var seconds = Math.max(0, Math.round((Date.now() - openedAt) / 1000));
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var hours = Math.floor(seconds / 3600);
    return (hours < 1000 ? ("000" + hours).slice(-4) : String(hours)) + ":" +
      pad(Math.floor((seconds % 3600) / 60)) + ":" + pad(seconds % 60);
  }

  function finish() {
    if (!api || finished) return;
    finished = true;
    set("cmi.core.session_time", sessionTime());
    set("cmi.core.exit", "");
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  function start() {
    api = findAPI();
    if (api && call("LMSInitialize", "") !== "true") api = null;
    if (!api) {
      var offline = document.getElementById("scorm-offline");
      if (offline) offline.hidden = false;
      return;
    }
    status = call("LMSGetValue", "cmi.core.lesson_status");
    // A module already completed, passed or failed keeps its status until it changes.
    if (status === "" || status === "not attempted") report("incomplete");
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    window.addEventListener("unload", finish);
  }

  function markRead() {
    var done = document.getElementById("scorm-read-status");
    if (status !== "completed" && status !== "passed") report("completed");
    if (done) done.textContent = done.getAttribute("data-done");
  }

  function setUpReading() {
    var button = document.getElementById("scorm-mark-read");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", markRead);
    if ("IntersectionObserver" in window) {
      // Reaching the end of the page is reading it to the end.
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          markRead();
        }
      });
      observer.observe(button);
    }
  }

  function template(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    return a.every(function (item) { return b.indexOf(item) !== -1; });
  }

  function shuffle(items) {
    for (var i = items.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var item = items[i];
      items[i] = items[j];
      items[j] = item;
    }
    return items;
  }

  // The questions as the site serves an attempt: a draw of some of them (in the editor's
  // order), then shuffled questions and choices, when the quiz's settings say so. Only
  // the questions served are shown and scored.
  function serve(form, key) {
    var served = key.questions.slice();
    if (key.draw && key.draw < served.length) {
      var drawn = shuffle(served.map(function (question, index) { return index; }))
        .slice(0, key.draw)
        .sort(function (a, b) { return a - b; });
      served = drawn.map(function (index) { return key.questions[index]; });
    }
    if (key.shuffleQuestions) shuffle(served);
    var button = form.querySelector("button[type=submit]");
    key.questions.forEach(function (question) {
      if (served.indexOf(question) === -1) form.removeChild(document.getElementById(question.name));
    });
    served.forEach(function (question, index) {
      var fieldset = document.getElementById(question.name);
      form.insertBefore(fieldset, button);
      var number = fieldset.querySelector(".quiz__number");
      if (number) number.textContent = template(form.getAttribute("data-question-label"), { number: index + 1 });
      if (key.shuffleChoices) {
        var feedback = fieldset.querySelector(".quiz__feedback");
        shuffle(Array.prototype.slice.call(fieldset.querySelectorAll(".quiz__choice"))).forEach(function (choice) {
          fieldset.insertBefore(choice, feedback);
        });
      }
    });
    return served;
  }

  function setUpQuiz() {
    var form = document.getElementById("scorm-quiz");
    var keyElement = document.getElementById("scorm-quiz-key");
    if (!form || !keyElement) return;
    var key = JSON.parse(keyElement.textContent);
    var served = serve(form, key);
    var result = document.getElementById("scorm-quiz-result");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var earned = 0;
      var available = 0;
      var marks = served.map(function (question) {
        var chosen = Array.prototype.map.call(
          form.querySelectorAll('input[name="' + question.name + '"]:checked'),
          function (input) { return input.value; }
        );
        var correct = sameSet(chosen, question.correct);
        available += question.points;
        if (correct) earned += question.points;
        return { question: question, chosen: chosen, correct: correct };
      });
      // As the site scores: a percentage of the points to two decimals, passed at the mark.
      var score = available ? Math.round((earned * 10000) / available) / 100 : 100;
      var passed = score >= key.passMark;
      if (api) {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", score);
      }
      report(passed ? "passed" : "failed");
      result.textContent = template(result.getAttribute(passed ? "data-passed" : "data-failed"), {
        score: score,
        mark: key.passMark,
      });
      var show = key.feedback === "after_each" || (key.feedback === "after_pass" && passed);
      marks.forEach(function (mark) {
        var box = form.querySelector('[data-feedback-for="' + mark.question.name + '"]');
        if (!box) return;
        box.textContent = "";
        box.hidden = !show;
        if (!show) return;
        box.className = "quiz__feedback quiz__feedback--" + (mark.correct ? "correct" : "incorrect");
        var lines = [result.getAttribute(mark.correct ? "data-correct" : "data-incorrect")];
        mark.chosen.forEach(function (value) {
          if (mark.question.feedback[value]) lines.push(mark.question.feedback[value]);
        });
        if (mark.question.explanation) lines.push(mark.question.explanation);
        lines.forEach(function (line) {
          var paragraph = document.createElement("p");
          paragraph.textContent = line;
          box.appendChild(paragraph);
        });
      });
      result.setAttribute("tabindex", "-1");
      result.focus();
    });
  }

  function ready() {
    start();
    setUpReading();
    setUpQuiz();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
