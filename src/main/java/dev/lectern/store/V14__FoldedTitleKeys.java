package dev.lectern.store;

import dev.lectern.paper.Text;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 14: {@link Text#titleKey} folds, since this version, the letters that are not a
 * base letter plus an accent, as the search analyzers do (ø, ł, ß, æ, œ, đ, ð, þ, ı, ħ: Søren is
 * Soren, Straße is Strasse). Every paper is re-keyed as in V13, and so is every pending import
 * known only by its title, which V13 forgot: a row recorded before V13 gets the key of its decoded
 * and folded title. Two pending imports of one collection whose titles now give one key collapse to
 * the earliest recorded ({@code added_at}, then id); the other is deleted. How: {@link
 * TitleRekeying}. One transaction, as V13.
 */
final class V14__FoldedTitleKeys extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection conn = context.getConnection();
    TitleRekeying.papers(conn);
    TitleRekeying.pendingImports(conn);
  }
}
