// The chart's look: each entity kind a distinct shape and colour with its
// label; links labelled by type, red and dashed where a visible source is
// handling code C; frontier entities (links not all followed) with a dashed
// amber ring; key players sized by the chosen centrality and coloured by
// community.
import type { StylesheetJson } from 'cytoscape';
import type { EntityKindName } from './model';

export const KIND_STYLE: Record<EntityKindName, { shape: string; colour: string; glyph: string }> = {
  Person: { shape: 'ellipse', colour: '#2563a8', glyph: 'P' },
  Organisation: { shape: 'hexagon', colour: '#6b3fa0', glyph: 'O' },
  Location: { shape: 'round-triangle', colour: '#2f7d4a', glyph: 'L' },
  Vehicle: { shape: 'round-rectangle', colour: '#b85c12', glyph: 'V' },
  CommsDevice: { shape: 'diamond', colour: '#12808a', glyph: 'C' },
  Event: { shape: 'round-tag', colour: '#b02a37', glyph: 'E' },
};

export const chartStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 30,
      height: 30,
      'background-color': '#888',
      'border-width': 2,
      'border-color': '#ffffff',
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node.k-${kind}`,
    style: { shape: s.shape, 'background-color': s.colour },
  })) as StylesheetJson,
  { selector: 'node.k-Location', style: { width: 32, height: 30 } },
  { selector: 'node.k-Event', style: { width: 32, height: 26 } },
  {
    selector: 'node.frontier',
    style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#d98e04' },
  },
  {
    selector: 'node.pinned',
    style: { 'outline-width': 2, 'outline-color': '#1b1f24', 'outline-offset': 2 } as never,
  },
  { selector: 'node.sized', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node.community', style: { 'background-color': 'data(communityColour)' } },
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eef2f7',
      'background-opacity': 0.7,
      'border-color': '#7a8797',
      'border-width': 1.5,
      'border-style': 'dashed',
      label: 'data(label)',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      'font-size': 11,
      'font-weight': 'bold',
      color: '#394452',
      padding: '14px',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#8a96a3',
      'target-arrow-color': '#8a96a3',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 8,
      color: '#4a5563',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
  { selector: 'edge.secret', style: { width: 2.4 } },
  // Large charts: straight links without labels or arrows, labels without backgrounds (the link list keeps every detail).
  { selector: 'edge.lite', style: { 'curve-style': 'haystack', 'haystack-radius': 0, label: '', 'target-arrow-shape': 'none', width: 1.2 } },
  { selector: 'node.lite', style: { 'text-background-opacity': 0, 'min-zoomed-font-size': 9, 'border-width': 0 } },
  { selector: 'node.lite.frontier', style: { 'border-width': 3 } },
  {
    selector: 'edge.handling-c',
    style: { 'line-color': '#c8102e', 'target-arrow-color': '#c8102e', 'line-style': 'dashed', 'line-dash-pattern': [6, 3], color: '#a40e26' },
  },
  { selector: 'edge.unmarked', style: { 'line-style': 'dotted' } },
  { selector: '.faded', style: { opacity: 0.25 } },
  { selector: 'node.hl', style: { 'border-width': 4, 'border-color': '#f0a000' } },
  { selector: 'edge.hl', style: { width: 4, 'line-color': '#f0a000', 'target-arrow-color': '#f0a000' } },
  { selector: 'edge.hl.handling-c', style: { 'line-color': '#e0301e', 'target-arrow-color': '#e0301e' } },
  {
    selector: ':selected',
    style: { 'overlay-color': '#0b5cad', 'overlay-opacity': 0.12, 'overlay-padding': 4 },
  },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0b5cad' } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.out-window', style: { display: 'none' } },
];
