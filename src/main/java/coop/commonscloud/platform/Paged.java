package coop.commonscloud.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint returns it. Pages count from 0. */
public record Paged<T>(List<T> items, int page, int size, long totalItems) {

	public static final int MAX_SIZE = 200;

	public Paged {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
	}

	public <R> Paged<R> map(Function<T, R> f) {
		return new Paged<>(items.stream().map(f).toList(), page, size, totalItems);
	}

	/** A validated page request: page from 0, size from 1 to {@link #MAX_SIZE}. */
	public record Request(int page, int size) {

		public Request {
			if (page < 0) {
				throw new InvalidInput("page must be 0 or more, was " + page);
			}
			if (size < 1 || size > MAX_SIZE) {
				throw new InvalidInput("size must be from 1 to " + MAX_SIZE + ", was " + size);
			}
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
