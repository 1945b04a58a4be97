-- demo/populate.sql: describe the shape, then fill the demo schema.
SELECT faker_define('tenant', 'tenant', '{
  "columns": {"name": {"gen": "sequence", "format": "Tenant %s", "start": 1}}
}');
SELECT faker_define('author', 'author', '{
  "columns": {"name": {"gen": "name"}, "email": {"gen": "email", "null_weight": 0.2},
              "born": {"gen": "date", "min": "1940-01-01", "max": "2000-12-31"}}
}');
SELECT faker_define('publisher', 'publisher', '{
  "columns": {"name": {"gen": "company"},
              "active": {"values": [true, false], "weights": [0.8, 0.2]}}
}');
SELECT faker_define('review', 'review', '{
  "columns": {"stars": {"values": [1, 2, 3, 4, 5], "weights": [0.05, 0.1, 0.2, 0.35, 0.3]},
              "body": {"gen": "paragraph", "sentences": 2, "null_weight": 0.4}}
}');
SELECT faker_define('book', 'book', '{
  "columns": {
    "title":  {"gen": "sentence", "words": 4},
    "isbn":   {"gen": "digits", "length": 13},
    "status": {"values": ["draft", "published", "retired"], "weights": [0.2, 0.7, 0.1]},
    "issued": {"gen": "date", "min": "1960-01-01", "max": "2026-01-01"}
  },
  "references": {
    "book_tenant_id_fkey":              {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 1000},
    "book_tenant_id_author_id_fkey":    {"skew": 2.0, "mean": 20},
    "book_tenant_id_publisher_id_fkey": {"mean": 200, "null_weight": 0.1}
  },
  "children": {
    "review": {"via": "review_tenant_id_book_id_fkey", "mean": 3, "skew": 2.0}
  }
}');

\echo '== the plan'
SELECT * FROM faker_explain('book');

\echo '== populate 100000 books (seed 42)'
SELECT * FROM faker_populate('book', 100000, 42);
