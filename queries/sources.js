// sources: the articles and sentences that state a fact.
// params: fact — a statement IRI (as "<https://factgraph.github.io/fact/…>").
// Every statement with the same subject, relation and object is a source.
var st = g.V(params.fact);
var s = st.Out(SUBJ).ToValue(), p = st.Out(PRED).ToValue(), o = st.Out(OBJ).ToValue();
if (s !== null && p !== null && o !== null) {
  g.V(s).In(SUBJ).Has(PRED, p).Has(OBJ, o)
    .Save(fg("sentence"), "sentence")
    .Save(fg("start"), "start")
    .Save(fg("end"), "end")
    .Save(SOURCE, "document")
    .ForEach(function(r) {
      g.Emit({statement: r.id, document: r.document, headline: nameOf(r.document), sentence: r.sentence, start: r.start, end: r.end});
    });
}
