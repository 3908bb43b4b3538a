// linimasa report: open the article that a link points into, filter stories and timeline rows.
(function () {
  document.documentElement.setAttribute("data-ready", "1");
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (el) el.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      document.querySelectorAll("[data-search]").forEach(function (el) {
        el.classList.toggle("hidden", q && el.getAttribute("data-search").indexOf(q) < 0);
      });
    });
  }
  document.querySelectorAll(".timeline-controls input").forEach(function (box) {
    box.addEventListener("change", function () {
      var story = box.closest(".story");
      story.querySelectorAll("tr[data-kind='" + box.value + "']").forEach(function (row) {
        row.classList.toggle("hidden", !box.checked);
      });
    });
  });
})();
