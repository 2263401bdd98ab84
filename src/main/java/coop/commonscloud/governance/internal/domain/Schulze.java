package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Schulze method (Markus Schulze, 2011): pairwise preferences d[a][b] (the weight of ballots
 * ranking a above b; unranked options tie below every ranked one), strongest paths by the
 * widest-path variant of Floyd–Warshall, and the winner is an option whose strongest path to
 * every other is at least as strong as the way back. Several such winners: the earliest listed.
 */
final class Schulze {

	private Schulze() {
	}

	static Count count(PollRules rules, List<Cast> casts) {
		List<String> options = rules.options();
		int n = options.size();
		BigDecimal[][] d = pairwise(casts, n);
		BigDecimal[][] p = strongestPaths(d, n);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		// rank by how many others each option beats on strongest paths; ties keep the listed order
		order.sort(Comparator.comparingInt((Integer i) -> -beaten(p, i, n)).thenComparing(i -> i));
		int winner = -1;
		for (int i : order) {
			if (unbeaten(p, i, n)) {
				winner = i;
				break;
			}
		}
		Map<String, Object> workings = new LinkedHashMap<>();
		workings.put("pairwise", matrix(d, options));
		workings.put("strongestPaths", matrix(p, options));
		workings.put("ranking", order.stream().map(options::get).toList());
		Map<String, BigDecimal> wins = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			wins.put(options.get(i), BigDecimal.valueOf(beaten(p, i, n)));
		}
		int chosen = winner;
		long unbeaten = order.stream().filter(i -> unbeaten(p, i, n)).count();
		return Count.of(Outcome.CHOSEN, chosen, "'" + options.get(chosen) + "' is not beaten on strongest paths by any other option"
				+ (unbeaten > 1 ? "; " + unbeaten + " options are unbeaten, and the earliest listed wins" : ""),
				casts, wins, workings);
	}

	private static BigDecimal[][] pairwise(List<Cast> casts, int n) {
		BigDecimal[][] d = zeros(n);
		for (Cast cast : casts) {
			List<Integer> order = ((BallotContent.Ranking) cast.content()).order();
			int[] rank = new int[n];
			java.util.Arrays.fill(rank, Integer.MAX_VALUE);
			for (int position = 0; position < order.size(); position++) {
				rank[order.get(position)] = position;
			}
			for (int a = 0; a < n; a++) {
				for (int b = 0; b < n; b++) {
					if (rank[a] < rank[b]) {
						d[a][b] = d[a][b].add(cast.weight());
					}
				}
			}
		}
		return d;
	}

	private static BigDecimal[][] strongestPaths(BigDecimal[][] d, int n) {
		BigDecimal[][] p = zeros(n);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i != j && d[i][j].compareTo(d[j][i]) > 0) {
					p[i][j] = d[i][j];
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i == j) {
					continue;
				}
				for (int k = 0; k < n; k++) {
					if (i != k && j != k) {
						BigDecimal via = p[j][i].min(p[i][k]);
						if (via.compareTo(p[j][k]) > 0) {
							p[j][k] = via;
						}
					}
				}
			}
		}
		return p;
	}

	private static boolean unbeaten(BigDecimal[][] p, int i, int n) {
		for (int j = 0; j < n; j++) {
			if (j != i && p[j][i].compareTo(p[i][j]) > 0) {
				return false;
			}
		}
		return true;
	}

	private static int beaten(BigDecimal[][] p, int i, int n) {
		int count = 0;
		for (int j = 0; j < n; j++) {
			if (j != i && p[i][j].compareTo(p[j][i]) > 0) {
				count++;
			}
		}
		return count;
	}

	private static BigDecimal[][] zeros(int n) {
		BigDecimal[][] m = new BigDecimal[n][n];
		for (BigDecimal[] row : m) {
			java.util.Arrays.fill(row, BigDecimal.ZERO);
		}
		return m;
	}

	private static Map<String, Map<String, BigDecimal>> matrix(BigDecimal[][] m, List<String> options) {
		Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
		for (int i = 0; i < options.size(); i++) {
			Map<String, BigDecimal> row = new LinkedHashMap<>();
			for (int j = 0; j < options.size(); j++) {
				if (i != j) {
					row.put(options.get(j), m[i][j]);
				}
			}
			rows.put(options.get(i), row);
		}
		return rows;
	}
}
