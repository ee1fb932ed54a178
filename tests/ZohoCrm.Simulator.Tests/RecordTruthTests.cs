namespace ZohoCrm.Simulator.Tests;

public sealed class RecordTruthTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "truth", DataCenter = "EU" });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private string NewContact() => _org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Truth" });

    [Fact]
    public void GetRecordTruth_Live_NoDeletion()
    {
        var id = NewContact();

        var truth = _org.GetRecordTruth("Contacts", id)!;

        Assert.Equal(("Contacts", id, RecordTruthState.Live), (truth.Module, truth.Id, truth.State));
        Assert.Null(truth.DeletedTime);
        Assert.Null(truth.DeletedByCall);
        Assert.Null(_org.GetRecordTruth("Leads", id));
        Assert.Null(_org.GetRecordTruth("Contacts", "1"));
        Assert.Null(_org.FindRecordTruth("not-an-id"));
    }

    [Fact]
    public async Task GetRecordTruth_DeletedThenSixtyDays_RecycleBinThenPurgedByRetention()
    {
        var id = NewContact();
        _sim.Time.Advance(TimeSpan.FromMinutes(30));
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts/" + id);

        var deleted = _org.FindRecordTruth(id)!;
        _sim.Time.Advance(TimeSpan.FromDays(60));
        var expired = _org.GetRecordTruth("Contacts", id)!;

        Assert.Equal(RecordTruthState.RecycleBin, deleted.State);
        Assert.Equal(TestSim.Start.AddMinutes(30), deleted.DeletedTime);
        Assert.Equal(TimeSpan.FromHours(1), deleted.DeletedTime!.Value.Offset);
        Assert.Equal(TestSim.Start.AddMinutes(30).AddDays(60), deleted.RecycleBinUntil);
        Assert.Equal(("Pat Boyle", "DELETE", "/Contacts/" + id), (deleted.DeletedBy!.Name, deleted.DeletedByCall!.Method, deleted.DeletedByCall.Path));
        Assert.Null(deleted.DeletedByCall.AnswerLostBy);
        Assert.False(deleted.DeletedWithParent);
        Assert.Equal(RecordTruthState.Purged, expired.State);
        Assert.True(expired.PurgedByRetention);
        Assert.Null(expired.PurgedByCall);
        Assert.Empty(_org.RecycleBinTruth());
    }

    [Fact]
    public async Task GetRecordTruth_PurgedByACall_NamesThePurgingCall()
    {
        var id = NewContact();
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id, 8);
        Assert.Equal([id], _org.RecycleBinTruth().Select(t => t.Id));

        using var purge = await _sim.DeleteAsync(_org, _token, "settings/recycle_bin/" + id, 8);
        var truth = _org.GetRecordTruth("Contacts", id)!;

        Assert.Equal(RecordTruthState.Purged, truth.State);
        Assert.False(truth.PurgedByRetention);
        Assert.Equal(("DELETE", "/settings/recycle_bin/" + id), (truth.PurgedByCall!.Method, truth.PurgedByCall.Path));
        Assert.True(truth.PurgedByCall.CallId > truth.DeletedByCall!.CallId);
        Assert.Equal(TestSim.Start, truth.PurgedTime);
    }
}
