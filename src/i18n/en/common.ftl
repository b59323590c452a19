# English messages shared by every area. Ids are area-what-detail; see src/i18n/mod.rs.

common-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
