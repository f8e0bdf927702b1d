package resolvers

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/analysis"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/priority"
)

// assessTarget records a target's MoRiLE-shaped assessment and scores it
// with the current model, from the recorded inputs plus what the graph
// says: the intelligence about the subject and its place in the
// operation's network. The score, its breakdown and every input are
// stored, so the DI can challenge it and it can be reproduced.
func (r *mutationResolver) assessTarget(ctx context.Context, id string, version int, in model.PriorityAssessmentInput) (*model.Target, error) {
	a, err := currentActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := a.Authorise(keyline.PermNominateTarget, ""); err != nil {
		return nil, err
	}
	if err := keyline.RequireKind("id", id, keyline.KindTarget); err != nil {
		return nil, err
	}
	if err := keyline.RequireText("input.rationale", in.Rationale, maxText); err != nil {
		return nil, err
	}
	t, err := load[*model.Target](ctx, id)
	if err != nil {
		return nil, err
	}
	// Organisational position is the DI's call: others may record harm and
	// likelihood but must leave it as the DI set it.
	if !a.Has(keyline.RoleSIO) && !a.Has(keyline.RoleDeputySIO) {
		prev := t.Assessment()
		var cap, capab, opp int
		if prev != nil {
			cap, capab, opp = prev.Capacity, prev.Capability, prev.Opportunity
		}
		if in.Capacity != cap || in.Capability != capab || in.Opportunity != opp {
			return nil, keyline.Errorf(keyline.CodeForbidden, "organisational position (capacity, capability, opportunity) is recorded by the DI")
		}
	}
	inputs := priority.Inputs{
		Physical: in.Physical, Psychological: in.Psychological, Financial: in.Financial, Community: in.Community,
		VictimVulnerability: in.VictimVulnerability, GeographicScope: in.GeographicScope, Likelihood: in.Likelihood,
		Confidence: string(in.Confidence), Capacity: in.Capacity, Capability: in.Capability, Opportunity: in.Opportunity,
		AsOf: time.Now().UTC().Truncate(time.Second),
	}
	if err := r.graphInputs(ctx, t, &inputs); err != nil {
		return nil, err
	}
	res, err := priority.Score(priority.DefaultModel(), inputs)
	if err != nil {
		return nil, prefixField(err, "input.")
	}
	assessment := model.PriorityAssessment{Physical: in.Physical, Psychological: in.Psychological, Financial: in.Financial,
		Community: in.Community, VictimVulnerability: in.VictimVulnerability, GeographicScope: in.GeographicScope,
		Likelihood: in.Likelihood, Confidence: in.Confidence, Capacity: in.Capacity, Capability: in.Capability,
		Opportunity: in.Opportunity, Rationale: strings.TrimSpace(in.Rationale), AssessedBy: a.Subject, AssessedAt: inputs.AsOf}
	score := model.PriorityScore{Score: res.Score, Band: res.Band, ModelVersion: res.ModelVersion, ScoredAt: inputs.AsOf}
	for _, f := range res.Factors {
		score.Factors = append(score.Factors, &model.PriorityFactor{Name: f.Name, Value: f.Value, Weight: f.Weight, Contribution: f.Contribution, Explanation: f.Explanation})
	}
	rawInputs, err := json.Marshal(map[string]any{"inputs": res.Inputs, "range": res.Range})
	if err != nil {
		return nil, err
	}
	score.Inputs = string(rawInputs)
	aJSON, _ := json.Marshal(assessment)
	sJSON, _ := json.Marshal(score)
	set := map[string]any{"assessment": string(aJSON), "priority": string(sJSON), "score": res.Score, "band": res.Band}
	return updateNode[*model.Target](ctx, r.Store, keyline.PermNominateTarget, keyline.KindTarget, id, version, set, nil)
}

// graphInputs fills the computed inputs: the intelligence about the
// subject (with whether evidence supports it) and the subject's centrality
// in the operation's network (its 500 most linked entities).
func (r *Resolver) graphInputs(ctx context.Context, t *model.Target, in *priority.Inputs) error {
	sc := loadersFrom(ctx).scope
	d, ok, err := r.Store.AssemblePackage(ctx, sc, t.ID)
	if err != nil {
		return err
	}
	if !ok {
		return keyline.ErrNotFound(t.ID)
	}
	for _, pi := range d.Items {
		it, err := decodeAs[*model.IntelligenceItem](pi.Item)
		if err != nil {
			return err
		}
		if it.ReceivedAt.After(in.AsOf) {
			continue
		}
		in.Intelligence = append(in.Intelligence, priority.IntelItem{Grading: it.Grade(), ReceivedAt: it.ReceivedAt, Corroborated: pi.Corroborated})
	}
	nodes, links, _, err := r.Store.OperationNetwork(ctx, sc, t.OperationID, 500, cypher.LinkFilter{})
	if err != nil {
		return err
	}
	g := keyline.Graph{}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, keyline.GraphNode{ID: n.ID()})
	}
	for _, l := range links {
		g.Edges = append(g.Edges, keyline.GraphEdge{From: l.From.ID(), To: l.To.ID()})
	}
	in.NetworkSize = len(g.Nodes)
	for _, s := range analysis.Centrality(g) {
		if s.NodeID == d.Subject.ID() {
			in.Betweenness, in.EigenvectorCentrality = s.Betweenness, s.Eigenvector
		}
	}
	return nil
}
