// Package priority scores a target package's priority so that a Detective
// Inspector can see, and challenge, why one level 2 target ranks above
// another. It follows the shape of MoRiLE (harm, likelihood, organisational
// position, confidence) and adds what Keyline knows from the graph: the
// intelligence picture and the subject's position in the network. The
// weights are a product decision, not national doctrine; they live in a
// versioned Model so a TCG can change them and any past score can be
// reproduced from the Model it was scored with.
//
// # The score
//
// Each factor is reduced to a value between 0 and 1, and the score is the
// weighted sum of the values on a 0..100 scale. With DefaultModel the
// weights add up to 100, so a factor's weight is the number of points it
// can give:
//
//	harm                     35  how badly people and places are hurt
//	likelihood               20  how likely that harm is to occur or go on
//	organisational position  15  whether the unit can act now
//	intelligence             15  how well the picture is evidenced
//	network                  15  how central the subject is to the network
//
// Harm and likelihood together carry 55 points because they are the risk
// itself; the other three decide between targets of similar risk. The sum is
// additive, not MoRiLE's harm x likelihood product, so that each factor's
// points stand on their own in the breakdown; the price is that severe harm
// scores its harm points even where likelihood is recorded as 0.
//
// Harm is the weighted mean of six dimensions recorded 0 (none) to 4
// (severe). Physical harm weighs 3 (violence and firearms are irreversible
// and come first in tasking); psychological harm and victim vulnerability
// weigh 2 (exploitation of vulnerable people, as in county lines or modern
// slavery, is harm to a person); financial, community and geographic scope
// weigh 1 (they describe how far the harm spreads rather than how deep it
// goes).
//
// Likelihood is recorded 0 (not expected) to 4 (almost certain).
//
// Organisational position is the mean of the unit's capacity, capability
// and opportunity to act, each 0..4. Higher means the unit is better placed
// to act, so it raises priority: this answers the TCG's question "can we do
// something about this target now", which differs from MoRiLE's use of
// organisational position as the risk of the organisation failing to act.
//
// Intelligence measures how much reliable, current intelligence there is on
// the subject. Each item is worth its grade's quality (keyline.Grading
// Quality: 1A is 1, 3D is 0.075, E is 0) times its recency (halved every
// RecencyHalfLifeDays of age at AsOf: 1 today, 0.5 at 90 days, 0.25 at 180).
// Uncorroborated items assessed C, D or E ("known indirectly", "not known",
// "suspected false") count at UncorroboratedWeight (0.5) of their quality;
// items assessed A or B, or marked corroborated, count fully. The factor is
// the items' total worth divided by VolumeSaturation (20): up to 20 items,
// every item adds its worth; beyond 20, more items add no volume and the
// factor is the average worth of an item. So a pile of weak or old reports
// never outscores a smaller body of strong, recent ones.
//
// Network is the mean of the subject's betweenness (how often they sit on the
// shortest path between others: the broker whose removal splits the network)
// and eigenvector centrality (how far they are linked to well-linked people:
// the inner circle). Eigenvector centrality as computed by package analysis
// is L2-normalised and never exceeds 1/√2 (the centre of a star), so it is
// divided by EigenvectorFull (1/√2) and capped at 1. In a network smaller
// than NetworkMinSize (5) everyone looks central, so the factor is scaled by
// size/5 there.
//
// # Confidence
//
// Confidence (LOW, MEDIUM, HIGH) does not change the score: how sure the
// assessor is says nothing about how dangerous the target is, and letting it
// move the score would either inflate weak assessments (pulling toward the
// middle) or bury dangerous but poorly understood targets. Instead it sets
// the width of Result.Range, the band of scores the assessment is consistent
// with: ±5 points for HIGH, ±10 for MEDIUM, ±20 for LOW. A LOW confidence
// target whose range reaches HIGH is one to firm up, not to drop.
//
// # Rounding
//
// Score is rounded to one decimal place, half away from zero, and Band is
// taken from the rounded score, so the band always matches the number shown.
// Each factor's Contribution is also given to one decimal place and the
// contributions add up exactly to Score: the rounding is shared out by the
// largest-remainder method (ties go to the factor listed first), so a factor
// may show 0.1 more or less than its own rounded value.
//
// # Determinism
//
// Score does no I/O, never reads the clock (AsOf is an input) and uses no
// randomness or map iteration. Intelligence items are put in a canonical
// order before anything is summed, so the same inputs and the same Model
// give the same Result bit for bit, whatever order the items arrive in.
package priority
