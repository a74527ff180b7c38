package io.paycron.storage;

import io.paycron.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store's schema as sorted lines of text, one per table, column, index, constraint…, read from
 * the database's own catalog: two stores have the same schema exactly when their descriptions are
 * equal, and a difference reads as the lines one has and the other lacks. Names of the store's own
 * PostgreSQL schema are left out, so stores in different schemas compare.
 */
final class SchemaDescription {

  private SchemaDescription() {}

  static List<String> of(TestDatabase database, DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    List<String> lines =
        switch (database) {
          case POSTGRES -> postgres(jdbc);
          case SQLITE -> sqlite(jdbc);
        };
    return lines.stream().sorted().toList();
  }

  /** The lines only {@code actual} has ("+ …") and those only {@code expected} has ("- …"). */
  static List<String> difference(List<String> actual, List<String> expected) {
    Stream<String> extra = actual.stream().filter(line -> !expected.contains(line));
    Stream<String> missing = expected.stream().filter(line -> !actual.contains(line));
    return Stream.concat(extra.map(line -> "+ " + line), missing.map(line -> "- " + line)).toList();
  }

  private static List<String> postgres(JdbcClient jdbc) {
    String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();
    List<String> lines = new ArrayList<>();
    // relkind: r table, p partitioned, v view, m materialized view, S sequence, f foreign;
    // reloptions carry fillfactor
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text
                || ' persistence=' || c.relpersistence::text
                || ' options=' || coalesce(array_to_string(c.reloptions, ','), '')
                || CASE WHEN c.relkind IN ('v', 'm') THEN ' view=' || pg_get_viewdef(c.oid) ELSE '' END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"""));
    // the column's place among the live ones (attnum keeps gaps where columns were dropped)
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'column ' || c.relname || '.' || a.attname
                || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
                || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
                || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
                || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
                || ' collation=' || coalesce(co.collname, '-')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND a.attnum > 0 AND NOT a.attisdropped"""));
    // the definition carries uniqueness, columns, method, storage options and the predicate
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'index ' || t.relname || '.' || i.relname || ': ' || pg_get_indexdef(i.oid)
                || CASE WHEN x.indisvalid THEN '' ELSE ' INVALID' END
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()"""));
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'constraint ' || t.relname || '.' || con.conname || ' ' || con.contype::text || ': '
                || pg_get_constraintdef(con.oid)
                || CASE WHEN con.condeferrable THEN ' deferrable' ELSE '' END
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()"""));
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'trigger ' || t.relname || '.' || tg.tgname || ': ' || pg_get_triggerdef(tg.oid)
            FROM pg_trigger tg
            JOIN pg_class t ON t.oid = tg.tgrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND NOT tg.tgisinternal"""));
    lines.addAll(
        lines(
            jdbc,
            """
            SELECT 'function ' || p.proname || ': ' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')"""));
    return lines.stream().map(line -> line.replace(schema + ".", "")).toList();
  }

  private static List<String> sqlite(JdbcClient jdbc) {
    List<String> lines = new ArrayList<>();
    // SQLite keeps each object as the text that creates it (ALTER TABLE edits that text): the
    // whole truth, including partial index predicates and table constraints
    for (Map<String, Object> object :
        jdbc.sql(
                """
                SELECT type, name, tbl_name, sql FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%'""")
            .query()
            .listOfRows()) {
      lines.add(
          object.get("type")
              + " "
              + object.get("tbl_name")
              + "."
              + object.get("name")
              + ": "
              + String.valueOf(object.get("sql")).replaceAll("\\s+", " "));
    }
    // the same, as SQLite understands it: readable differences, and the automatic indexes of
    // primary keys and UNIQUE constraints, which have no text
    for (String table :
        jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .query(String.class)
            .list()) {
      lines.addAll(
          lines(
              jdbc,
              "SELECT 'table ' || name || ' type=' || type || ' ncol=' || ncol || ' without_rowid='"
                  + " || wr || ' strict=' || strict FROM pragma_table_list(?)",
              table));
      lines.addAll(
          lines(
              jdbc,
              "SELECT 'column "
                  + table
                  + ".' || name || ' #' || (cid + 1) || ' ' || type"
                  + " || CASE WHEN \"notnull\" THEN ' not null' ELSE ' null' END"
                  + " || ' default=' || coalesce(dflt_value, '-') || ' pk=' || pk"
                  + " || ' hidden=' || hidden FROM pragma_table_xinfo(?)",
              table));
      lines.addAll(
          lines(
              jdbc,
              "SELECT 'index "
                  + table
                  + ".' || l.name || ' unique=' || l.\"unique\""
                  + " || ' origin=' || l.origin || ' partial=' || l.partial || ' columns='"
                  + " || (SELECT group_concat(coalesce(i.name, '<expr>') || ' ' ||"
                  + "     CASE WHEN i.\"desc\" THEN 'desc' ELSE 'asc' END || ' ' || i.coll, ', ')"
                  + "     FROM (SELECT * FROM pragma_index_xinfo(l.name) WHERE \"key\" ORDER BY seqno) i)"
                  + " FROM pragma_index_list(?) l",
              table));
      lines.addAll(
          lines(
              jdbc,
              "SELECT 'foreign key "
                  + table
                  + "(' || \"from\" || ') -> ' || \"table\""
                  + " || '(' || coalesce(\"to\", '<primary key>') || ') #' || id || '.' || seq"
                  + " || ' on update ' || on_update || ' on delete ' || on_delete"
                  + " || ' match ' || \"match\" FROM pragma_foreign_key_list(?)",
              table));
    }
    return lines;
  }

  private static List<String> lines(JdbcClient jdbc, String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(String.class).list();
  }
}
