// about: everything said about an entity, with its sources.
// params: entity — a name or alias ("Peskov", "Dmitry Peskov").
// One row per statement whose subject or object is the entity.
var e = entity(params.entity);
var asSubject = e.In(SUBJ);
var asObject = e.In(OBJ);
asSubject.Union(asObject).Unique()
  .Save(fg("subjectText"), "subject")
  .Save(fg("predicateText"), "predicate")
  .SaveOpt(fg("objectText"), "object")
  .SaveOpt(fg("q_complement"), "complement")
  .Save(fg("negated"), "negated")
  .Save(fg("confidence"), "confidence")
  .Save(fg("sentence"), "sentence")
  .Save(SOURCE, "document")
  .All();
