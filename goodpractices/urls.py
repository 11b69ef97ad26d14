from django.urls import path

from .views import browse, exports, review, submission

app_name = "goodpractices"

urlpatterns = [
    path("", browse.practice_list, name="list"),
    path("map/", browse.practice_map, name="map"),
    path("open-data.csv", exports.export_csv, name="export_csv"),
    path("open-data.jsonld", exports.export_jsonld, name="export_jsonld"),
    path("files/<int:pk>/", browse.material_file, name="material"),
    path("calls/", submission.call_list, name="calls"),
    path("calls/<int:pk>/", submission.call_detail, name="call"),
    path("calls/<int:call_pk>/submit/", submission.practice_new, name="new"),
    path("mine/<int:pk>/", submission.practice_edit, name="edit"),
    path("mine/<int:pk>/materials/", submission.material_add, name="material_add"),
    path("materials/<int:pk>/remove/", submission.material_remove, name="material_remove"),
    path("review/", review.review_list, name="review_list"),
    path("review/<int:pk>/", review.review_detail, name="review"),
    path("<slug:slug>/", browse.practice_detail, name="detail"),
]
