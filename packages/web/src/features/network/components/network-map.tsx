import { Button, Group, Paper, Text } from "@mantine/core";
import { useMemo, useRef } from "react";
import { Link } from "react-router";
import {
  type ReactZoomPanPinchRef,
  TransformComponent,
  TransformWrapper,
} from "react-zoom-pan-pinch";
import type { NetworkMapNode } from "../api/get-network";
import { nodeDescription, nodePath } from "../node-text";
import {
  CENTRE_RADIUS,
  layoutNetwork,
  NODE_RADIUS,
  NODE_SPACING,
  shortLabel,
} from "../network-layout";
import classes from "./network-map.module.css";

export interface NetworkMapProps {
  accountName: string;
  nodes: readonly NetworkMapNode[];
}

const MAP_HEIGHT = 560;
/** A label's room under its node: a little less than the space to the next node. */
const LABEL_WIDTH = NODE_SPACING - 6;
/** Names longer than this fade out at LABEL_WIDTH; shorter ones are centred whole. */
const LABEL_CHARS = 12;
const LABEL_FADE_ID = "network-label-fade";
/** Zoomed in far enough that labels read when a node gets keyboard focus. */
const FOCUS_SCALE = 1;

/**
 * The network drawn as SVG: the account at the centre, partners (circles) on the left,
 * clients (rounded squares) on the right, each a link to its page. Zoom and pan with the
 * buttons, the wheel, a pinch or by dragging (react-zoom-pan-pinch); a node that gets keyboard
 * focus is brought into view at a readable size.
 */
export function NetworkMap({ accountName, nodes }: NetworkMapProps) {
  const zoom = useRef<ReactZoomPanPinchRef>(null);
  const layout = useMemo(
    () =>
      layoutNetwork(
        nodes.filter((node) => node.kind === "PARTNER"),
        nodes.filter((node) => node.kind === "CLIENT"),
      ),
    [nodes],
  );
  const { extent } = layout;
  const size = extent * 2;

  /** Centres the content point (x, y) of the map, zoomed in at least to FOCUS_SCALE. */
  function bringIntoView(x: number, y: number) {
    const ref = zoom.current;
    const wrapper = ref?.instance.wrapperComponent;
    if (!ref || !wrapper) return;
    // Focus inside an overflow:hidden box scrolls it; the transform alone places the map.
    wrapper.scrollTop = 0;
    wrapper.scrollLeft = 0;
    const scale = Math.max(ref.state.scale, FOCUS_SCALE);
    ref.setTransform(
      wrapper.clientWidth / 2 - (x + extent) * scale,
      wrapper.clientHeight / 2 - (y + extent) * scale,
      scale,
      0,
    );
  }

  return (
    <TransformWrapper
      ref={zoom}
      minScale={0.1}
      maxScale={3}
      limitToBounds={false}
      fitOnInit
      doubleClick={{ disabled: true }}
      wheel={{ step: 0.15 }}
    >
      {({ zoomIn, zoomOut, fitToView }) => (
        <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
          <Group gap="xs" p="xs" justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              Drag to move, scroll or pinch to zoom; Tab moves through the nodes.
            </Text>
            <Group gap="xs" role="group" aria-label="Zoom">
              <Button size="compact-sm" variant="default" onClick={() => zoomIn()}>
                Zoom in
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => zoomOut()}>
                Zoom out
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => void fitToView()}>
                Show all
              </Button>
            </Group>
          </Group>
          <TransformComponent wrapperStyle={{ width: "100%", height: MAP_HEIGHT, cursor: "grab" }}>
            <svg
              width={size}
              height={size}
              viewBox={`${-extent} ${-extent} ${size} ${size}`}
              role="group"
              aria-label={`Network map of ${accountName}`}
              data-testid="network-map"
            >
              <defs>
                {/* In each node's own coordinates (userSpaceOnUse): one mask serves them all. */}
                <linearGradient id={`${LABEL_FADE_ID}-gradient`}>
                  <stop offset="0.8" stopColor="#fff" />
                  <stop offset="1" stopColor="#000" />
                </linearGradient>
                <mask
                  id={LABEL_FADE_ID}
                  maskUnits="userSpaceOnUse"
                  x={-LABEL_WIDTH / 2}
                  y={0}
                  width={LABEL_WIDTH}
                  height={NODE_RADIUS * 3}
                >
                  <rect
                    x={-LABEL_WIDTH / 2}
                    y={0}
                    width={LABEL_WIDTH}
                    height={NODE_RADIUS * 3}
                    fill={`url(#${LABEL_FADE_ID}-gradient)`}
                  />
                </mask>
              </defs>
              <g aria-hidden="true">
                {layout.placed.map(({ node, x, y }) => (
                  <line
                    key={node.id}
                    x1={0}
                    y1={0}
                    x2={x}
                    y2={y}
                    stroke="var(--mantine-color-default-border)"
                    strokeWidth={1}
                  />
                ))}
                <circle r={CENTRE_RADIUS} fill="var(--mantine-color-gray-8)" />
                <text
                  textAnchor="middle"
                  dominantBaseline="central"
                  fill="#fff"
                  fontSize={14}
                  fontWeight={700}
                >
                  {shortLabel(accountName, 14)}
                </text>
              </g>
              {layout.placed.map(({ node, x, y }) => (
                <g key={node.id} transform={`translate(${x} ${y})`}>
                  <Link
                    to={nodePath(node)}
                    className={classes.node}
                    aria-label={`${node.name}: ${nodeDescription(node)}`}
                    onFocus={() => bringIntoView(x, y)}
                    data-node-id={node.id}
                  >
                    <NodeShape node={node} />
                  </Link>
                  <NodeCounts node={node} />
                </g>
              ))}
            </svg>
          </TransformComponent>
        </Paper>
      )}
    </TransformWrapper>
  );
}

function NodeShape({ node }: { node: NetworkMapNode }) {
  const r = NODE_RADIUS;
  const long = [...node.name].length > LABEL_CHARS;
  const invited = node.status === "INVITED";
  const shape = {
    fill:
      node.kind === "PARTNER"
        ? "var(--mantine-color-blue-filled)"
        : "var(--mantine-color-grape-filled)",
    // Invited ones are outlined with dashes as well as named "invited": not colour alone.
    stroke: invited ? "var(--mantine-color-text)" : "none",
    strokeWidth: invited ? 2 : 0,
    strokeDasharray: invited ? "4 3" : undefined,
  };
  return (
    <>
      {/* The whole node and its label take the pointer: an SVG link is hit only where painted. */}
      <rect
        x={-LABEL_WIDTH / 2}
        y={-r - 6}
        width={LABEL_WIDTH}
        height={r * 2 + 26}
        fill="transparent"
      />
      <circle r={r + 6} className={classes.focusRing} />
      {node.kind === "PARTNER" ? (
        <circle r={r} {...shape} />
      ) : (
        <rect x={-r} y={-r} width={r * 2} height={r * 2} rx={6} {...shape} />
      )}
      {/* The whole name, faded out where it would run into a neighbour: the visible text is
          then the start of the link's name (WCAG 2.5.3), which an ellipsis would not be. */}
      <text
        className={classes.label}
        y={r + 14}
        x={long ? -LABEL_WIDTH / 2 : 0}
        textAnchor={long ? "start" : "middle"}
        fill="var(--mantine-color-text)"
        fontSize={11}
        mask={long ? `url(#${LABEL_FADE_ID})` : undefined}
      >
        {node.name}
      </text>
    </>
  );
}

/**
 * The counts as digits on the node, drawn over the link but outside it: the link's name says
 * them in words, and its visible text must be (the start of) that name (WCAG 2.5.3). Clicks
 * pass through to the link.
 */
function NodeCounts({ node }: { node: NetworkMapNode }) {
  const r = NODE_RADIUS;
  return (
    <g aria-hidden="true" pointerEvents="none">
      <text
        textAnchor="middle"
        dominantBaseline="central"
        fill="#fff"
        fontSize={13}
        fontWeight={700}
      >
        {node.activeCount}
      </text>
      {node.pendingCount > 0 && (
        <g transform={`translate(${r - 2} ${-r + 2})`}>
          <circle r={9} fill="var(--mantine-color-yellow-4)" stroke="#000" strokeWidth={1} />
          <text textAnchor="middle" dominantBaseline="central" fill="#000" fontSize={10}>
            {node.pendingCount > 99 ? "99+" : node.pendingCount}
          </text>
        </g>
      )}
    </g>
  );
}
