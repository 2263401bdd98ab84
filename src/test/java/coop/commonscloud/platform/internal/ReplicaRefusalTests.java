package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.web.servlet.ModelAndView;

/** A site's database guard refuses region writes (SQLSTATE 25006): the API and the pages say where to make them. */
class ReplicaRefusalTests {

	private static DataAccessException refused(String sqlState) {
		return new UncategorizedSQLException("update account", "update account set display_name = ?",
				new SQLException("region data is written at the region core, not at a site", sqlState));
	}

	@Test
	void the_api_answers_a_refused_region_write_with_a_conflict_that_says_where_to_make_it() {
		ProblemDetail problem = new ApiProblems().dataAccess(refused("25006"));

		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getDetail()).contains("only be made at the region core").contains("nothing was changed");
	}

	@Test
	void other_database_failures_stay_internal_errors_without_internals() {
		ProblemDetail problem = new ApiProblems().dataAccess(refused("08006"));

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getDetail()).doesNotContain("account");
	}

	@Test
	void pages_show_the_refusal_and_leave_other_failures_to_the_error_page() {
		ModelAndView page = new PageProblems().dataAccess(refused("25006"));

		assertThat(page.getStatus().value()).isEqualTo(409);
		assertThat(page.getModel().get("message")).isEqualTo(ReplicaRefusal.MESSAGE);
		assertThatThrownBy(() -> new PageProblems().dataAccess(refused("57P01"))).isInstanceOf(DataAccessException.class);
	}
}
