using CityEServices.Archive.Domain;
using CityEServices.Contracts.Codes;

namespace CityEServices.Archive.Tests;

/// <summary>Disposal only after the category's retention, never for permanent records, never under an active hold, only once.</summary>
public class DisposalRulesTests
{
    // Correspondence is kept ten years from when it was archived.
    private static readonly DateTimeOffset RetentionEnds = Documents.ArchivedAt.AddYears(10);

    [Fact]
    public void After_the_retention_period_a_document_may_be_disposed_of_and_the_rule_says_until_when_it_was_kept()
    {
        var outcome = DisposalRules.CanDispose(Documents.Correspondence(), [], RetentionEnds);

        Assert.True(outcome.Succeeded);
        Assert.Equal(RetentionEnds, outcome.Value);
    }

    [Fact]
    public void A_moment_before_the_retention_ends_it_is_a_409_saying_until_when()
    {
        var problem = DisposalRules.CanDispose(Documents.Correspondence(), [], RetentionEnds.AddSeconds(-1)).Problem;

        Assert.Equal(409, problem?.Status);
        Assert.Equal(DisposalRules.RetentionNotElapsed, problem?.Reason);
    }

    [Theory]
    [InlineData(DocumentCategories.OwnershipDeed)]
    [InlineData(DocumentCategories.Permit)]
    [InlineData(DocumentCategories.LegacyScan)]
    [InlineData("NO_LONGER_IN_THE_SCHEME")]
    public void Permanent_records_and_unknown_categories_are_never_disposed_of(string category)
    {
        var problem = DisposalRules.CanDispose(Documents.Of(category), [], Documents.ArchivedAt.AddYears(500)).Problem;

        Assert.Equal(DisposalRules.PermanentRecord, problem?.Reason);
    }

    public static TheoryData<string, Func<Document, LegalHold>> Holds => new()
    {
        { "on the document", d => Hold(documentId: d.Id) },
        { "on its file", d => Hold(fileNumber: d.FileNumber) },
        { "on its property", d => Hold(renovationCode: d.RenovationCode) },
    };

    [Theory]
    [MemberData(nameof(Holds))]
    public void An_active_hold_covering_the_document_blocks_it(string scope, Func<Document, LegalHold> holdOn)
    {
        var document = Documents.Correspondence();
        var hold = holdOn(document);

        var problem = DisposalRules.CanDispose(document, [hold], RetentionEnds.AddDays(1)).Problem;

        Assert.True(DisposalRules.UnderLegalHold == problem?.Reason, scope);
        Assert.Contains(hold.Id.ToString(), problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Released_holds_and_holds_on_other_files_do_not_block()
    {
        var document = Documents.Correspondence();
        var released = Hold(documentId: document.Id);
        released.Release("user:archivist", "رای نهایی صادر شد", RetentionEnds);
        var elsewhere = Hold(fileNumber: "05000000002", renovationCode: "5-2-3-5-0-0-0");

        Assert.True(DisposalRules.CanDispose(document, [released, elsewhere], RetentionEnds.AddDays(1)).Succeeded);
    }

    [Fact]
    public void A_disposed_document_is_not_disposed_of_again()
    {
        var document = Documents.Correspondence();
        document.MarkDisposed(RetentionEnds);

        var problem = DisposalRules.CanDispose(document, [], RetentionEnds.AddDays(1)).Problem;

        Assert.Equal(DisposalRules.AlreadyDisposed, problem?.Reason);
    }

    [Fact]
    public void Whoever_released_the_last_hold_on_a_document_may_not_dispose_of_it_a_colleague_may()
    {
        var document = Documents.Correspondence();
        var first = Hold(fileNumber: document.FileNumber);
        first.Release("user:archivist-b", "پرونده مختومه", RetentionEnds);
        var last = Hold(documentId: document.Id);
        last.Release("user:archivist-a", "رای نهایی صادر شد", RetentionEnds.AddDays(1));
        var now = RetentionEnds.AddDays(2);

        var refused = DisposalRules.CanDispose(document, [first, last], now, "user:archivist-a").Problem;
        var allowed = DisposalRules.CanDispose(document, [first, last], now, "user:archivist-b");

        Assert.Equal(403, refused?.Status);
        Assert.Equal(DisposalRules.SameActorReleasedHold, refused?.Reason);
        Assert.Equal(last.Id, refused!.Extensions["holdId"]);
        // Only the last release counts: archivist-b released an earlier hold, not the one that freed it.
        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public void A_release_of_a_hold_on_another_file_does_not_bar_its_releaser()
    {
        var document = Documents.Correspondence();
        var elsewhere = Hold(fileNumber: "05000000002");
        elsewhere.Release("user:archivist-a", "x", RetentionEnds);

        Assert.True(DisposalRules.CanDispose(document, [elsewhere], RetentionEnds.AddDays(1), "user:archivist-a").Succeeded);
    }

    [Fact]
    public void The_documents_state_is_answered_before_who_asks()
    {
        var document = Documents.Correspondence();
        var released = Hold(documentId: document.Id);
        released.Release("user:archivist-a", "x", RetentionEnds);
        var active = Hold(fileNumber: document.FileNumber);

        var problem = DisposalRules.CanDispose(document, [released, active], RetentionEnds.AddDays(1), "user:archivist-a").Problem;

        Assert.Equal(DisposalRules.UnderLegalHold, problem?.Reason);
    }

    private static LegalHold Hold(Guid? documentId = null, string? fileNumber = null, string? renovationCode = null) => new()
    {
        Id = Guid.NewGuid(),
        DocumentId = documentId,
        FileNumber = fileNumber,
        RenovationCode = renovationCode,
        Reason = "دعوای حقوقی",
        PlacedBy = "user:archivist",
        PlacedAt = Documents.ArchivedAt,
    };
}
