// factgraph prelude: IRIs of the graph's vocabulary, prepended to every
// canned query. Paste it into the Cayley UI to use the same names.
var FG = "https://factgraph.github.io/ns#";
var SCHEMA = "http://schema.org/";
var RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function fg(n) { return "<" + FG + n + ">"; }
function sdo(n) { return "<" + SCHEMA + n + ">"; }
function rdf(n) { return "<" + RDF + n + ">"; }
var NAME = sdo("name"), ALT = sdo("alternateName"), HEADLINE = sdo("headline");
var TYPE = rdf("type"), SUBJ = rdf("subject"), PRED = rdf("predicate"), OBJ = rdf("object");
var SOURCE = "<http://www.w3.org/ns/prov#wasDerivedFrom>";
// isEntity reports whether a result value is an entity IRI.
var ENTITY_PREFIX = "<https://factgraph.github.io/entity/";
function isEntity(v) { return typeof v === "string" && v.indexOf(ENTITY_PREFIX) === 0; }
// entityIds returns the IRIs of the entities called name (canonical name or
// alias). It filters by IRI in JavaScript: on Cayley 0.7.7's disk backends a
// Has(TYPE, …) step followed by In(…) takes tens of seconds on a large graph.
function entityIds(name) { return g.V(name).In([NAME, ALT]).Unique().ToArray().filter(isEntity); }
// entity returns a path starting at those entities (empty when there are none).
function entity(name) {
  var ids = entityIds(name);
  return ids.length ? g.V.apply(g, ids) : g.V("<urn:factgraph:none>");
}
// nameOf returns a node's display name, or the node itself.
function nameOf(node) {
  if (typeof node !== "string" || node.charAt(0) !== "<") { return node; }
  var n = g.V(node).Out(NAME).ToValue();
  return n ? n : node;
}
