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
