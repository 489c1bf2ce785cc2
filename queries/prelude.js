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
// entity returns the path to the entities called name (canonical name or alias).
function entity(name) { return g.V(name).In([NAME, ALT]).Has(fg("entityType")).Unique(); }
// nameOf returns a node's display name, or the node itself.
function nameOf(node) {
  var n = g.V(node).Out(NAME).ToValue();
  return n ? n : node;
}
