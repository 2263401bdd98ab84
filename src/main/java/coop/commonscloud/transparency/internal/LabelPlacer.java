package coop.commonscloud.transparency.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the sites' labels on the map so that they overlap neither the marks nor each other:
 * each label tries spots beside its mark, then farther above and below it, and takes the first
 * free one (with a leader line once it is away from its mark). Text widths are estimated, so the
 * rule is a good guess, not a guarantee; the tables under the map always list every site.
 */
final class LabelPlacer {

	static final double FONT_SIZE = 16;
	private static final double CHAR_WIDTH = 0.62 * FONT_SIZE;
	private static final double GAP = 13;
	private static final double[] STEPS = {0, -20, 20, -40, 40, -60, 60, -80, 80, -100, 100};

	/** Where a label goes, relative to its mark. */
	record Placement(double dx, double dy, boolean leftOfMark, boolean leader) {
	}

	private record Box(double left, double top, double right, double bottom) {

		boolean overlaps(Box other) {
			return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
		}
	}

	private final double width;
	private final double height;
	private final List<Box> taken = new ArrayList<>();

	LabelPlacer(double width, double height) {
		this.width = width;
		this.height = height;
	}

	/** Keeps labels off a mark drawn at (x, y). */
	void block(double x, double y, double radius) {
		taken.add(new Box(x - radius, y - radius, x + radius, y + radius));
	}

	Placement place(double x, double y, String text) {
		double textWidth = text.length() * CHAR_WIDTH;
		boolean preferLeft = x > width * 0.72;
		Placement clipped = null;
		Box clippedBox = null;
		for (double dy : STEPS) {
			for (boolean left : new boolean[] {preferLeft, !preferLeft}) {
				double start = left ? x - GAP - textWidth : x + GAP;
				double baseline = y + dy + FONT_SIZE * 0.32;
				Box box = new Box(start, baseline - FONT_SIZE * 0.8, start + textWidth, baseline + FONT_SIZE * 0.25);
				Placement placement = new Placement(left ? -GAP : GAP, dy + FONT_SIZE * 0.32, left, Math.abs(dy) > 20);
				if (taken.stream().anyMatch(box::overlaps)) {
					continue;
				}
				if (inside(box)) {
					taken.add(box);
					return placement;
				}
				if (clipped == null) {
					clipped = placement;
					clippedBox = box;
				}
			}
		}
		// no free spot within the map: better a label cut at the edge than one over another
		if (clipped != null) {
			taken.add(clippedBox);
			return clipped;
		}
		return new Placement(preferLeft ? -GAP : GAP, FONT_SIZE * 0.32, preferLeft, false);
	}

	private boolean inside(Box box) {
		return box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height;
	}
}
