// top-facts: facts ranked by how many sources report them.
// params: min (optional, default 1) — only facts with at least this many sources.
var groups = {};
g.V(rdf("Statement")).In(TYPE)
  .Save(SUBJ, "s").Save(PRED, "p").Save(OBJ, "o")
  .Save(fg("subjectText"), "subject")
  .Save(fg("predicateText"), "predicate")
  .SaveOpt(fg("objectText"), "object")
  .Save(SOURCE, "d")
  .ForEach(function(r) {
    var k = r.s + "\u0000" + r.p + "\u0000" + r.o;
    var grp = groups[k];
    if (!grp) {
      grp = groups[k] = {subject: r.subject, predicate: r.predicate, object: r.object, relation: r.p, subject_id: r.s, object_id: r.o, documents: {}, statements: []};
    }
    grp.documents[r.d] = true;
    grp.statements.push(r.id);
  });
var min = params.min ? parseInt(params.min, 10) : 1;
var rows = [];
for (var k in groups) {
  var grp = groups[k];
  grp.documents = Object.keys(grp.documents).sort();
  grp.sources = grp.documents.length;
  if (grp.sources >= min) { rows.push(grp); }
}
rows.sort(function(a, b) { return b.sources - a.sources || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0); });
for (var i = 0; i < rows.length; i++) { g.Emit(rows[i]); }
