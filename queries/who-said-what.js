// who-said-what: speakers → their direct quotes → the articles.
// params: speaker (optional) — restrict to one speaker's name or alias.
var stmts = params.speaker ? entity(params.speaker).In(SUBJ).Has(fg("q_quote"), "direct")
                           : g.V("direct").In(fg("q_quote"));
var names = {};
stmts.Save(SUBJ, "speaker_id")
  .Save(fg("predicateText"), "verb")
  .Save(fg("objectText"), "quote")
  .Save(fg("sentence"), "sentence")
  .Save(SOURCE, "document")
  .ForEach(function(r) {
    var id = r.speaker_id;
    if (!(id in names)) { names[id] = nameOf(id); }
    g.Emit({speaker: names[id], speaker_id: id, verb: r.verb, quote: r.quote, sentence: r.sentence, document: r.document, statement: r.id});
  });
