namespace ActorProc.Actors.Tests.Selection;

public class ActorSelectionSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed record SelectFrom(string Path, object Message);

    private sealed class Node : ReceiveActor
    {
        public Node(IActorRef probe)
        {
            Receive<string[]>(names =>
            {
                foreach (var name in names)
                {
                    Context.ActorOf(Props.Create(() => new Node(probe)), name);
                }

                Sender.Tell("created", Self);
            });
            Receive<SelectFrom>(s => Context.ActorSelection(s.Path).Tell(s.Message, Sender));
            Receive<string>(s => probe.Tell($"{Self.Path.Name} got {s}"));
        }
    }

    private IActorRef CreateTree()
    {
        var root = Sys.ActorOf(Props.Create(() => new Node(TestActor)), "tree");
        root.Tell(new[] { "worker-1", "worker-2", "other" }, TestActor);
        ExpectMsg("created");
        return root;
    }

    [Fact]
    public void Identify_to_an_actor_answers_with_its_ref_and_the_message_id()
    {
        var root = CreateTree();

        root.Tell(new Identify("id-1"), TestActor);

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Equal(root, identity.Subject);
    }

    [Fact]
    public void An_absolute_selection_finds_the_actor_by_path_with_or_without_address()
    {
        var root = CreateTree();

        Sys.ActorSelection("/user/tree/worker-1").Tell(new Identify(1), TestActor);
        var byPath = ExpectMsg<ActorIdentity>().Subject;
        Sys.ActorSelection($"actorproc://{Sys.Name}/user/tree/worker-1").Tell(new Identify(2), TestActor);
        var byFullPath = ExpectMsg<ActorIdentity>().Subject;

        Assert.NotNull(byPath);
        Assert.Equal(root.Path / "worker-1", byPath.Path);
        Assert.Equal(byPath, byFullPath);
    }

    [Fact]
    public async Task A_relative_selection_resolves_children_and_dot_dot_resolves_siblings()
    {
        var root = CreateTree();
        var worker1 = await Sys.ActorSelection("/user/tree/worker-1").ResolveOne(TimeSpan.FromSeconds(3));

        root.Tell(new SelectFrom("worker-2", "relative"), TestActor);
        ExpectMsg("worker-2 got relative");

        worker1.Tell(new SelectFrom("../worker-2", "sibling"), TestActor);
        ExpectMsg("worker-2 got sibling");

        worker1.Tell(new SelectFrom("..", "parent"), TestActor);
        ExpectMsg("tree got parent");
    }

    [Fact]
    public void Wildcards_star_and_question_mark_select_every_matching_child()
    {
        CreateTree();

        Sys.ActorSelection("/user/tree/worker-*").Tell("star", TestActor);
        var star = ReceiveN(2).Cast<string>().Order().ToArray();
        Assert.Equal(["worker-1 got star", "worker-2 got star"], star);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Sys.ActorSelection("/user/tree/worker-?").Tell("question", TestActor);
        var question = ReceiveN(2).Cast<string>().Order().ToArray();
        Assert.Equal(["worker-1 got question", "worker-2 got question"], question);

        Sys.ActorSelection("/user/tree/oth?r").Tell("single", TestActor);
        ExpectMsg("other got single");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task ResolveOne_returns_the_matching_actor()
    {
        var root = CreateTree();

        var resolved = await Sys.ActorSelection("/user/tree").ResolveOne(TimeSpan.FromSeconds(3));

        Assert.Equal(root, resolved);
    }

    [Fact]
    public async Task ResolveOne_of_nothing_throws_ActorNotFoundException()
    {
        CreateTree();

        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/tree/missing").ResolveOne(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Identify_sent_to_a_selection_of_nothing_answers_with_a_null_subject()
    {
        CreateTree();

        Sys.ActorSelection("/user/nothing/here").Tell(new Identify("none"), TestActor);

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("none", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public void A_message_to_a_selection_of_nothing_becomes_a_dead_letter()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        Sys.ActorSelection("/user/nothing").Tell("lost", TestActor);

        Assert.Equal("lost", ExpectMsg<DeadLetter>().Message);
    }
}
