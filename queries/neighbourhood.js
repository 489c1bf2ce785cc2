// neighbourhood: an entity and the entities related to it, for the UI's visualize page.
// Rows are {source, target, source_label, target_label, relation}.
// params: entity — a name or alias.
var centers = entityIds(params.entity);
var labels = {};
function label(n) { if (!(n in labels)) { labels[n] = nameOf(n); } return labels[n]; }
var seen = {};
function edge(a, b, rel) {
  var k = a + " " + b;
  if (seen[k]) { return; }
  seen[k] = true;
  g.Emit({source: a, target: b, source_label: label(a), target_label: label(b), relation: rel});
}
for (var i = 0; i < centers.length; i++) {
  var c = centers[i];
  g.V(c).In(SUBJ).Save(OBJ, "o").Save(PRED, "p").ForEach(function(r) {
    if (isEntity(r.o)) { edge(c, r.o, r.p); }
  });
  g.V(c).In(OBJ).Save(SUBJ, "s").Save(PRED, "p").ForEach(function(r) {
    if (isEntity(r.s)) { edge(r.s, c, r.p); }
  });
}
