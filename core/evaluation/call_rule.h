#pragma once
// The one rule that turns a probability into a call, shared by everything that compares a
// probability with a threshold or a bin edge: the threshold rules and confusion matrices
// (evaluation), the ECE's reliability bins, the Diagnoser behind `cxr predict` and the GUI (the
// results view's threshold picker and example films, the result panel). Plain C++, no tensors,
// so the GUI and the Diagnoser use it as they are.
//
// Convention: a probability exactly at the threshold is positive ("at or above"). Bin edges
// follow the same rule: a value exactly on an edge belongs to the bin that starts there, so
// bin b of `bins` equal-width bins is [b/bins, (b+1)/bins), the last one [.., 1] closed.
namespace cxr::evaluation {

// probability >= threshold.
bool callsPositive(double probability, double threshold);

// softmax(logits / temperature)[1] for a two-class logit pair, as the logistic of the
// difference (stable for any magnitude). Every P(positive) that is compared with a threshold
// is computed here, so the same logits give the same bits wherever they are called.
double positiveProbability(double logit0, double logit1, double temperature = 1.0);

// The bin of `value` (clamped to [0, 1]) among `bins` equal-width bins under the convention
// above, decided against the edges b / bins themselves, so a value equal to an edge never lands
// in a neighbour through rounding of value * bins. bins >= 1.
int binOf(double value, int bins);
// The lower edge of bin b, b / bins: the value binOf compares with.
double binLowerEdge(int b, int bins);

}  // namespace cxr::evaluation
