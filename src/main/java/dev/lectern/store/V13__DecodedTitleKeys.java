package dev.lectern.store;

import dev.lectern.paper.Text;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 13: every paper's {@code title_key} recomputed by {@link Text#titleKey}, which
 * decodes the title's LaTeX since this version ({@code Gr\"obner} and Gröbner are one key). SQL
 * cannot decode LaTeX, hence Java (Flyway reads the version and description from the class name).
 * Flyway runs it in one transaction, as it does every migration, so a library is re-keyed entirely
 * or not at all. How, and why papers keep their ids: {@link TitleRekeying}.
 */
final class V13__DecodedTitleKeys extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    TitleRekeying.papers(context.getConnection());
  }
}
