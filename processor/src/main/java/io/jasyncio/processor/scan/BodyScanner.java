package io.jasyncio.processor.scan;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.jasyncio.processor.scan.BodyScan.AwaitUse;
import io.jasyncio.processor.scan.BodyScan.Context;
import io.jasyncio.processor.scan.BodyScan.Local;
import io.jasyncio.processor.scan.BodyScan.LocalClass;
import io.jasyncio.processor.scan.BodyScan.LocalClassRef;
import io.jasyncio.processor.scan.BodyScan.LocalRef;
import io.jasyncio.processor.scan.BodyScan.MemberRef;
import io.jasyncio.processor.scan.BodyScan.MemberTypeRef;
import io.jasyncio.processor.scan.BodyScan.PrivateUse;
import io.jasyncio.processor.scan.BodyScan.ReturnUse;
import io.jasyncio.processor.scan.BodyScan.SelfRef;
import io.jasyncio.processor.scan.BodyScan.Suspension;
import io.jasyncio.processor.scan.BodyScan.TemplateCall;
import io.jasyncio.processor.scan.BodyScan.Unresolved;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The walk over an {@code @Async} method body that fills a {@link BodyScan}: it keeps the scopes
 * of the method's locals (a lambda's or local class's names shadow them), resolves each simple
 * name to a local, a member or nothing ({@link SourceTypes} for qualifiers and type names), and
 * records every await, return, use of {@code this}, and use of a private member.
 */
final class BodyScanner extends TreePathScanner<Void, Void> {
  private final BodyScan out;
  private final MemberLookup lookup;
  private final AsyncioNames names;
  private final Elements elements;
  private final javax.lang.model.util.Types typeUtils;
  private final LocalTypes localTypes;
  private final TypeElement topLevel;
  private final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
  private int topIndex = -1;
  private int lambdaDepth;
  private int localClassDepth;
  private int synchronizedDepth;
  private BlockTree body;
  private SourceTypes types;
  private java.util.Set<String> privateFieldNames;

  BodyScanner(BodyScan out, MemberLookup lookup, AsyncioNames names, Elements elements,
      javax.lang.model.util.Types typeUtils, LocalTypes localTypes) {
    this.out = out;
    this.lookup = lookup;
    this.names = names;
    this.elements = elements;
    this.typeUtils = typeUtils;
    this.localTypes = localTypes;
    this.topLevel = Attributed.topLevel(lookup.type());
  }

  /** Records a use of members that are all private to the template's top-level class. */
  private void checkPrivate(TreePath path, List<? extends Element> members) {
    checkPrivate(path, members, false);
  }

  private void checkPrivate(TreePath path, List<? extends Element> members,
      boolean typeQualified) {
    boolean executables = members.stream().allMatch(m -> m instanceof ExecutableElement);
    if (executables ? Attributed.anyPrivateToTopLevel(members, topLevel)
        : Attributed.allPrivateToTopLevel(members, topLevel)) {
      // All the overloads go through accessors, so javac chooses among them as it did.
      out.privateUses.add(new PrivateUse(path, List.copyOf(members), typeQualified));
    }
  }

  /** An unqualified {@code await(...)} means a method of the class itself when it has one. */
  private boolean isAwait(MethodInvocationTree call) {
    return names.isAwait(call)
        && !(call.getMethodSelect() instanceof IdentifierTree && lookup.methods("await") != null);
  }

  void scanMethod(TreePath methodPath) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    types = new SourceTypes(lookup, elements, typeUtils, localTypes,
        methodPath.getCompilationUnit(), this::resolveLocal);
    scopes.push(new HashMap<>());
    for (VariableTree p : method.getParameters()) {
      declare(new Local(p.getName().toString(), p, -1, true, true));
    }
    body = method.getBody();
    TreePath bodyPath = new TreePath(methodPath, body);
    scopes.push(new HashMap<>());
    List<? extends StatementTree> statements = body.getStatements();
    for (int i = 0; i < statements.size(); i++) {
      topIndex = i;
      scan(new TreePath(bodyPath, statements.get(i)), null);
    }
  }

  private boolean inMethodScope() {
    return lambdaDepth == 0 && localClassDepth == 0;
  }

  private void declare(Local local) {
    scopes.peek().put(local.name(), local);
    out.locals.add(local);
  }

  private void shadow(String name) {
    scopes.peek().put(name, BodyScan.SHADOW);
  }

  private Object resolveLocal(String name) {
    for (Map<String, Object> scope : scopes) {
      Object hit = scope.get(name);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  private Void inScope(Runnable r) {
    scopes.push(new HashMap<>());
    try {
      r.run();
    } finally {
      scopes.pop();
    }
    return null;
  }

  private Context context() {
    if (localClassDepth > 0) {
      return Context.LOCAL_CLASS;
    }
    if (lambdaDepth > 0) {
      return Context.LAMBDA;
    }
    return synchronizedDepth > 0 ? Context.SYNCHRONIZED : Context.BODY;
  }

  // ---- declarations and scopes

  @Override
  public Void visitVariable(VariableTree node, Void p) {
    scanTypeNames(node.getType());
    scan(node.getInitializer(), p);
    String name = node.getName().toString();
    if (inMethodScope() && !(getCurrentPath().getParentPath().getLeaf() instanceof ClassTree)) {
      boolean topLevel = getCurrentPath().getParentPath().getLeaf() == body;
      declare(new Local(name, node, topIndex, false, topLevel));
    } else {
      shadow(name);
    }
    return null;
  }

  @Override
  public Void visitBlock(BlockTree node, Void p) {
    return inScope(() -> super.visitBlock(node, p));
  }

  @Override
  public Void visitForLoop(ForLoopTree node, Void p) {
    return inScope(() -> super.visitForLoop(node, p));
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void p) {
    return inScope(() -> {
      scan(node.getExpression(), p);
      scan(node.getVariable(), p);
      scan(node.getStatement(), p);
    });
  }

  @Override
  public Void visitCatch(CatchTree node, Void p) {
    return inScope(() -> super.visitCatch(node, p));
  }

  @Override
  public Void visitTry(TryTree node, Void p) {
    return inScope(() -> super.visitTry(node, p));
  }

  @Override
  public Void visitSwitch(SwitchTree node, Void p) {
    scan(node.getExpression(), p);
    return inScope(() -> scan(node.getCases(), p));
  }

  @Override
  public Void visitCase(CaseTree node, Void p) {
    for (ExpressionTree label : node.getExpressions()) {
      if (label instanceof IdentifierTree id) {
        // An enum constant label names a constant of the selector's type, not a field in scope.
        MemberLookup.Found found = lookup.field(id.getName().toString());
        if (found != null && resolveLocal(id.getName().toString()) == null) {
          out.memberRefs.add(new MemberRef(new TreePath(getCurrentPath(), label), found, false,
              localClassDepth > 0, true));
        }
      } else {
        scan(label, p);
      }
    }
    if (node.getCaseKind() == CaseTree.CaseKind.RULE) {
      scan(node.getBody(), p);
    } else {
      scan(node.getStatements(), p);
    }
    return null;
  }

  @Override
  public Void visitInstanceOf(InstanceOfTree node, Void p) {
    scan(node.getExpression(), p);
    if (node.getPattern() instanceof BindingPatternTree binding) {
      scanTypeNames(binding.getVariable().getType());
      // A binding's scope depends on flow; treat it as declared to the end of the block. It
      // is a local like any other: one read after an await lives in a field.
      String name = binding.getVariable().getName().toString();
      if (inMethodScope()) {
        declare(new Local(name, binding.getVariable(), topIndex, false, false));
      } else {
        shadow(name);
      }
    } else {
      scanTypeNames(node.getType());
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
    lambdaDepth++;
    try {
      return inScope(() -> {
        for (VariableTree param : node.getParameters()) {
          shadow(param.getName().toString());
        }
        scan(node.getBody(), p);
      });
    } finally {
      lambdaDepth--;
    }
  }

  @Override
  public Void visitClass(ClassTree node, Void p) {
    if (inMethodScope() && getCurrentPath().getParentPath().getLeaf() instanceof BlockTree) {
      // A class declared as a statement of the method: its uses must stay in its state.
      scopes.peek().put(node.getSimpleName().toString(),
          new LocalClass(node.getSimpleName().toString(), node, topIndex));
    }
    localClassDepth++;
    try {
      return inScope(() -> {
        shadow(node.getSimpleName().toString());
        // Inside the class, what its supertypes declare comes before the enclosing scopes.
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        for (TypeElement supertype : types.supertypesOf(node, parent)) {
          for (Element member : elements.getAllMembers(supertype)) {
            if (member.getKind() == ElementKind.METHOD) {
              shadow(member.getSimpleName() + "()");
            } else if (member.getKind().isField()) {
              shadow(member.getSimpleName().toString());
              out.classFieldNames.add(member.getSimpleName().toString());
            }
          }
        }
        for (Tree member : node.getMembers()) {
          if (member instanceof VariableTree v) {
            shadow(v.getName().toString());
            out.classFieldNames.add(v.getName().toString());
          } else if (member instanceof MethodTree m) {
            shadow(m.getName().toString() + "()");
          }
        }
        for (Tree member : node.getMembers()) {
          scan(member, p);
        }
      });
    } finally {
      localClassDepth--;
    }
  }

  @Override
  public Void visitMethod(MethodTree node, Void p) {
    // A method of a local or anonymous class.
    return inScope(() -> {
      for (VariableTree param : node.getParameters()) {
        shadow(param.getName().toString());
      }
      scan(node.getBody(), p);
    });
  }

  @Override
  public Void visitSynchronized(SynchronizedTree node, Void p) {
    scan(node.getExpression(), p);
    synchronizedDepth++;
    try {
      return scan(node.getBlock(), p);
    } finally {
      synchronizedDepth--;
    }
  }

  // ---- type positions: not expressions

  @Override
  public Void visitNewClass(NewClassTree node, Void p) {
    scan(node.getEnclosingExpression(), p);
    Tree created = node.getIdentifier() instanceof ParameterizedTypeTree generic
        ? generic.getType() : node.getIdentifier();
    TypeElement type = created instanceof ExpressionTree e && node.getEnclosingExpression() == null
        ? types.typeOf(e) : null;
    if (type != null && node.getClassBody() == null) {
      out.callees.put(node, ElementFilter.constructorsIn(type.getEnclosedElements()));
    }
    // a private class is reported by its name, once
    List<ExecutableElement> constructors = type == null ? List.of()
        : ElementFilter.constructorsIn(type.getEnclosedElements());
    if (type != null && !Attributed.allPrivateToTopLevel(List.of(type), topLevel)
        && (node.getClassBody() == null
            // an anonymous class is reported when it can only call a private constructor
            || Attributed.allPrivateToTopLevel(constructors, topLevel))) {
      checkPrivate(getCurrentPath(), constructors);
    }
    scanTypeNames(node.getIdentifier());
    scan(node.getArguments(), p);
    scan(node.getClassBody(), p);
    return null;
  }

  @Override
  public Void visitNewArray(NewArrayTree node, Void p) {
    scanTypeNames(node.getType());
    scan(node.getDimensions(), p);
    scan(node.getInitializers(), p);
    return null;
  }

  @Override
  public Void visitTypeCast(TypeCastTree node, Void p) {
    scanTypeNames(node.getType());
    return scan(node.getExpression(), p);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void p) {
    if (names.isAwaitReference(node)) {
      out.awaitReferences.add(getCurrentPath());
    }
    TypeElement owner = types.typeOf(node.getQualifierExpression());
    if (owner != null) {
      boolean constructor = node.getName().contentEquals("<init>");
      List<Element> members = constructor
          ? new java.util.ArrayList<>(ElementFilter.constructorsIn(owner.getEnclosedElements()))
          : types.membersNamed(owner, node.getName().toString(), true);
      checkPrivate(getCurrentPath(), members, types.isTypeName(node.getQualifierExpression()));
      if (!constructor && types.isTypeName(node.getQualifierExpression())
          && (Templates.anyStaticAsync(members) || Templates.anyReceiverAsync(members))) {
        // Kitchen::boil means the generated method, as a call Kitchen.boil() does; so does
        // Point::scaled, whose generated method takes the point first, as the reference does.
        out.templateCalls.add(new TemplateCall(node.getQualifierExpression(), owner));
      } else if (!constructor && Templates.anyReceiverAsync(members)) {
        out.receiverReferences.add(getCurrentPath());
      }
    }
    return scan(node.getQualifierExpression(), p);
  }

  // ---- names

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
    boolean await = isAwait(node);
    Suspension kind = await ? Suspension.AWAIT : names.isYield(node) ? Suspension.YIELD
        : names.isAiter(node) ? Suspension.AITER : null;
    if (kind != null) {
      out.awaits.add(new AwaitUse(getCurrentPath(), topIndex, context(), kind));
    }
    ExpressionTree select = node.getMethodSelect();
    if (select instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (resolveLocal(name + "()") == null && kind == null && !names.isDone(node)) {
        MemberLookup.Found found = lookup.methods(name);
        if (found == null) {
          out.unresolved.add(new Unresolved(new TreePath(getCurrentPath(), id), name, true));
        }
        if (found != null) {
          out.callees.put(node, ElementFilter.methodsIn(found.members()));
          checkPrivate(new TreePath(getCurrentPath(), id), found.members());
          out.memberRefs.add(new MemberRef(new TreePath(getCurrentPath(), id), found, true,
              localClassDepth > 0, false));
        }
      }
      if ((name.equals("super") || name.equals("this")) && localClassDepth == 0) {
        out.selfRefs.add(new SelfRef(new TreePath(getCurrentPath(), id), name.equals("super")));
      }
    } else if (select instanceof MemberSelectTree member) {
      TypeElement owner = types.typeOf(member.getExpression());
      if (owner != null) {
        List<Element> methods = types.membersNamed(owner, member.getIdentifier().toString(), true);
        out.callees.put(node, ElementFilter.methodsIn(methods));
        if (methods.isEmpty()) {
          out.memberMisses.add(new BodyScan.MemberMiss(new TreePath(getCurrentPath(), member),
              owner, member.getIdentifier().toString()));
        }
        checkPrivate(new TreePath(getCurrentPath(), member), methods);
        if (types.isTypeName(member.getExpression()) && Templates.anyStaticAsync(methods)) {
          out.templateCalls.add(new TemplateCall(member.getExpression(), owner));
        } else if (!types.isTypeName(member.getExpression())
            && Templates.anyReceiverAsync(methods)) {
          out.receiverCalls.add(new BodyScan.ReceiverCall(
              new TreePath(getCurrentPath(), member), member.getExpression(), owner));
        }
      }
      scan(member.getExpression(), p);
    } else {
      scan(select, p);
    }
    return scan(node.getArguments(), p);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void p) {
    String name = node.getIdentifier().toString();
    if (name.equals("this") || name.equals("super")) {
      // Foo.this names the enclosing instance even inside a local class; only a local
      // class's own name qualifies its own instance.
      boolean ownInstance = node.getExpression() instanceof IdentifierTree q
          && resolveLocal(q.getName().toString()) == BodyScan.SHADOW;
      if (!ownInstance) {
        out.selfRefs.add(new SelfRef(getCurrentPath(), name.equals("super")));
      }
      return null;
    }
    if (name.equals("class")) {
      scanTypeNames(node.getExpression());
      return null;
    }
    TypeElement owner = types.typeOf(node.getExpression());
    if (owner != null) {
      List<Element> members = types.membersNamed(owner, name, false);
      checkPrivate(getCurrentPath(), members);
      if (members.isEmpty()) {
        out.memberMisses.add(new BodyScan.MemberMiss(getCurrentPath(), owner, name));
      }
    } else if (privateFieldNames().contains(name) && inMethodScope()) {
      out.untypedPrivateUses.add(getCurrentPath());
    }
    return scan(node.getExpression(), p);
  }

  /** The names of the private fields declared in the template's top-level class, nested too. */
  private java.util.Set<String> privateFieldNames() {
    if (privateFieldNames == null) {
      privateFieldNames = new java.util.HashSet<>();
      java.util.Deque<TypeElement> todo = new ArrayDeque<>(List.of(topLevel));
      while (!todo.isEmpty()) {
        TypeElement t = todo.pop();
        for (Element e : t.getEnclosedElements()) {
          if (e instanceof TypeElement nested) {
            todo.push(nested);
          } else if (e.getKind() == ElementKind.FIELD
              && e.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
            privateFieldNames.add(e.getSimpleName().toString());
          }
        }
      }
    }
    return privateFieldNames;
  }

  @Override
  public Void visitIdentifier(IdentifierTree node, Void p) {
    String name = node.getName().toString();
    if (name.equals("this") || name.equals("super")) {
      if (localClassDepth == 0) {
        out.selfRefs.add(new SelfRef(getCurrentPath(), name.equals("super")));
      }
      return null;
    }
    Object local = resolveLocal(name);
    if (local instanceof Local l) {
      out.localRefs.add(new LocalRef(node, l, topIndex));
      return null;
    }
    if (local instanceof LocalClass c) {
      out.localClassRefs.add(new LocalClassRef(getCurrentPath(), c, topIndex));
      return null;
    }
    if (local == null) {
      MemberLookup.Found found = lookup.field(name);
      if (found != null) {
        checkPrivate(getCurrentPath(), found.members());
        out.memberRefs.add(new MemberRef(getCurrentPath(), found, false, localClassDepth > 0,
            false));
      } else {
        out.unresolved.add(new Unresolved(getCurrentPath(), name, false));
        checkType(getCurrentPath(), name);
      }
    }
    return null;
  }

  @Override
  public Void visitReturn(ReturnTree node, Void p) {
    if (inMethodScope()) {
      boolean topLevel = getCurrentPath().getParentPath().getLeaf() == body;
      out.returns.add(new ReturnUse(getCurrentPath(), topIndex, topLevel));
    }
    return super.visitReturn(node, p);
  }

  /** Records private member types named in a type position; scans nothing as an expression. */
  private void scanTypeNames(Tree type) {
    if (type == null) {
      return;
    }
    TreePath typePath = new TreePath(getCurrentPath(), type);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (resolveLocal(node.getName().toString()) instanceof LocalClass c) {
          out.localClassRefs.add(new LocalClassRef(getCurrentPath(), c, topIndex));
          return null;
        }
        checkType(getCurrentPath(), node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        TypeElement owner = types.typeOf(node.getExpression());
        if (owner != null) {
          checkPrivate(getCurrentPath(), types.membersNamed(owner, node.getIdentifier().toString(),
              false));
        }
        return scan(node.getExpression(), null);
      }

      @Override
      public Void visitAnnotation(com.sun.source.tree.AnnotationTree node, Void unused) {
        return null;
      }
    }.scan(typePath, null);
  }

  private void checkType(TreePath path, String name) {
    if (resolveLocal(name) != null) {
      return;
    }
    MemberLookup.Found found = lookup.memberType(name);
    if (found != null) {
      checkPrivate(path, found.members());
      if (found.first() instanceof TypeElement member) {
        out.memberTypeRefs.add(new MemberTypeRef(path, member));
      }
    }
  }
}
