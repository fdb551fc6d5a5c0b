using CityEServices.Contracts.Codes;
using CityEServices.Notifications.Domain.Sms;

namespace CityEServices.Notifications.Tests;

public class SmsTemplatesTests
{
    private const string TrackingCode = "7K3M9QXW2HPRT";

    /// <summary>The request statuses of DESIGN.md, which urban planning announces as ServiceRequestStatusChanged.ToStatus.</summary>
    public static TheoryData<string> Statuses => ["AwaitingDocuments", "Submitted", "UnderReview", "Returned", "Rejected", "FeeAssessed", "Paid", "Issued"];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_has_its_own_Persian_sentence(string status) =>
        Assert.True(SmsTemplates.StatusSentences.ContainsKey(status), $"no SMS template for {status}");

    [Fact]
    public void The_statuses_have_different_texts() =>
        Assert.Equal(SmsTemplates.StatusSentences.Count, SmsTemplates.StatusSentences.Values.Distinct().Count());

    [Fact]
    public void Every_service_type_has_a_Persian_title() =>
        Assert.All(ServiceTypes.All, type => Assert.True(SmsTemplates.ServiceTitles.ContainsKey(type), $"no Persian title for {type}"));

    [Fact]
    public void A_status_change_names_the_service_in_Persian_and_quotes_the_tracking_code()
    {
        var text = SmsTemplates.Render(SmsTemplates.ForStatus("FeeAssessed"), ServiceTypes.BuildingPermit, TrackingCode);

        Assert.Equal("شهرداری تهران: عوارض درخواست پروانه ساختمانی شما تعیین شد؛ لطفا پرداخت کنید. کد رهگیری: 7K3M9QXW2HPRT", text);
    }

    [Fact]
    public void The_opening_of_a_file_has_its_own_message()
    {
        var text = SmsTemplates.Render(SmsTemplates.FileOpened, null, TrackingCode);

        Assert.Equal("شهرداری تهران: پرونده شهرسازی شما تشکیل شد. کد رهگیری: 7K3M9QXW2HPRT", text);
    }

    [Fact]
    public void An_unknown_status_still_tells_the_citizen_something_changed() =>
        Assert.Contains("تغییر کرد", SmsTemplates.Render(SmsTemplates.ForStatus("Archived"), ServiceTypes.WasteContract, TrackingCode), StringComparison.Ordinal);

    [Fact]
    public void Every_message_fits_two_SMS_parts_and_is_written_in_Persian()
    {
        var templates = SmsTemplates.StatusSentences.Keys.Select(SmsTemplates.ForStatus).Append(SmsTemplates.FileOpened);
        foreach (var template in templates)
        {
            foreach (var type in ServiceTypes.All)
            {
                var text = SmsTemplates.Render(template, type, TrackingCode);
                Assert.True(text.Length <= SmsTemplates.MaxLength, $"{template} for {type} is {text.Length} characters: {text}");
                Assert.Contains(TrackingCode, text, StringComparison.Ordinal);
                Assert.Contains(text, c => c is >= '\u0600' and <= '\u06FF');
                // Persian letters only: no Arabic yeh or kaf (the service normalises them everywhere else).
                Assert.DoesNotContain('ي', text);
                Assert.DoesNotContain('ك', text);
            }
        }
    }
}
