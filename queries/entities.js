// entities: every entity with its type and canonical name.
// params: type (optional) — PERSON, ORG, GPE, LOC, NORP, …
var p = g.V(fg("Entity")).In(TYPE).Unique();
if (params.type) { p = g.V(params.type).In(fg("entityType")).Unique(); }
p.Save(fg("entityType"), "type").Save(NAME, "name").All();
