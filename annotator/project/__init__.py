"""The service API: every use case as a named function, one transaction each, returning what changed.

The CLI and the GUI change data only through here.
"""

from annotator.project.annotate import (
    add_span,
    document,
    documents,
    link,
    relabel_span,
    relations,
    remove_spans,
    resize_span,
    restore,
    set_note,
    set_status,
    spans,
    status,
    unlink,
    update_span,
)
from annotator.project.backups import (
    BackupInfo,
    backup_if_due,
    backup_now,
    backups_folder,
    find_backup,
    list_backups,
    restore_backup,
)
from annotator.project.backup_jobs import (
    PlannedBackup,
    due_backup,
    is_open,
    last_backup,
    plan_backup,
    record_backup,
    restore_open_project,
)
from annotator.project.changes import ChangeSet
from annotator.project.clusters import (
    ClusterChange,
    SimilarClaim,
    cluster_members,
    cluster_of,
    join_cluster,
    leave_cluster,
    set_clusters,
    similar_claims,
)
from annotator.project.demo import demo_project_path, ensure_demo_project
from annotator.project.export_jobs import (
    ExportCancelled,
    ExportChoices,
    ExportSummary,
    FormatChoice,
    default_destination,
    export_choices,
    export_project_file,
)
from annotator.project.exporting import annotated_documents, export
from annotator.project.health import check_project
from annotator.project.importing import ImportReport, import_files, parse_label_map
from annotator.project.review_adjudicate import AdjudicationReport, adjudicate_auto
from annotator.project.review_agreement import agreement, done_documents, voting_layers
from annotator.project.review_decisions import (
    GOLD, accept_agreed, edit_unit, finish_document, reject_unit, take_variant,
)
from annotator.project.review_merge import MergeReport, merge_projects
from annotator.project.review_session import (
    DocumentReview, QueueEntry, ReviewSession, review_document, review_queue,
)
from annotator.project.passages import Repeat, RepeatsReport, Twin, copy_spans_to_twins, detect_repeats, near_duplicates, repeats
from annotator.project.session import Project
from annotator.project.stats import stats
from annotator.project.undo import remove_added
from annotator.project.suggesting import (
    SuggestReport,
    accept_suggestion,
    accept_suggestions,
    pending_suggestions,
    reject_suggestion,
    suggest,
    suggestions_in_sentence,
)
from annotator.project.workspace import (
    LayerContent,
    LockHeld,
    SearchHit,
    document_overview,
    label_usage,
    last_place,
    list_layers,
    load_layer,
    other_layers_allowed,
    remember_place,
    save_schema,
    search_corpus,
    set_other_layers_allowed,
    validate_schema,
    visible_layers,
)
from annotator.store import StoreError, WriteFailed

__all__ = [
    "BackupInfo", "StoreError", "WriteFailed", "backup_if_due", "backup_now", "backups_folder",
    "check_project", "find_backup", "list_backups", "restore_backup",
    # backups from the GUI: planned on the UI thread, written on a worker; restore in place
    "PlannedBackup", "due_backup", "is_open", "last_backup", "plan_backup", "record_backup", "restore_open_project",
    "ChangeSet", "ExportCancelled", "ExportChoices", "ExportSummary", "FormatChoice", "ImportReport", "Project", "add_span", "annotated_documents",
    "default_destination", "demo_project_path", "document", "documents", "ensure_demo_project", "export",
    "export_choices", "export_project_file", "import_files", "link", "parse_label_map",
    "relabel_span", "relations", "remove_spans", "resize_span", "restore", "set_note", "set_status", "spans",
    "stats", "status", "unlink", "update_span",
    # review (issue 5)
    "GOLD", "AdjudicationReport", "DocumentReview", "MergeReport", "QueueEntry", "ReviewSession",
    "accept_agreed", "adjudicate_auto", "agreement", "done_documents", "edit_unit", "finish_document",
    "merge_projects", "reject_unit", "review_document", "review_queue", "take_variant", "voting_layers",
    # assistance (issue 7): suggestions, repeated passages, claim clusters
    "ClusterChange", "Repeat", "RepeatsReport", "SimilarClaim", "SuggestReport", "Twin", "accept_suggestion",
    "accept_suggestions", "cluster_members", "cluster_of", "copy_spans_to_twins", "detect_repeats", "join_cluster",
    "leave_cluster", "near_duplicates", "pending_suggestions", "reject_suggestion", "repeats", "set_clusters",
    "similar_claims", "suggest", "suggestions_in_sentence",
    # undoing many-span additions (the GUI's accept / copy-to-twins commands)
    "remove_added",
    # the annotation workspace (annotator.project.workspace)
    "LayerContent", "LockHeld", "SearchHit", "document_overview", "label_usage", "last_place", "list_layers",
    "load_layer", "other_layers_allowed",
    "remember_place", "save_schema", "search_corpus", "set_other_layers_allowed", "validate_schema",
    "visible_layers",
]
